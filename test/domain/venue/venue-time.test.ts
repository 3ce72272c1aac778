import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DateTime } from 'luxon';
import { formatLocal, instantToWall, zoneOf } from '../../../src/domain/venue/spaces/venue-time.js';

const wallByLuxon = (zone: string, instant: number) => DateTime.fromMillis(instant, { zone }).setZone('utc', { keepLocalTime: true }).toMillis();

it('reads an instant on a venue’s clock exactly as luxon does, across transitions of whole, half and odd offsets', () => {
  // Sydney and Lord Howe (a 30-minute shift) around their April 2031 changes; Kathmandu's +05:45 and
  // its 1986 change; Monrovia's pre-1972 offset of −00:44:30.
  const cases: Array<[string, string, string]> = [
    ['Australia/Sydney', '2031-04-05T15:00:00Z', '2031-04-05T17:00:00Z'],
    ['Australia/Lord_Howe', '2031-04-05T14:00:00Z', '2031-04-05T16:00:00Z'],
    ['Asia/Kathmandu', '1985-12-31T17:00:00Z', '1985-12-31T20:00:00Z'],
    ['Africa/Monrovia', '1972-01-06T23:00:00Z', '1972-01-07T02:00:00Z'],
  ];
  for (const [zone, from, to] of cases) {
    for (let t = Date.parse(from); t <= Date.parse(to); t += 60_000 + 7) {
      assert.equal(instantToWall(zone, t), wallByLuxon(zone, t), `${zone} at ${new Date(t).toISOString()}`);
    }
  }
  assert.equal(formatLocal('Australia/Sydney', Date.parse('2031-04-05T15:59:59Z')), '2031-04-06 02:59:59');
  assert.equal(formatLocal('Australia/Sydney', Date.parse('2031-04-05T16:00:00Z')), '2031-04-06 02:00:00');
});

it('reads a zone luxon does not know as UTC', () => {
  assert.equal(zoneOf('Mars/Olympus_Mons'), 'UTC');
  assert.equal(zoneOf('Australia/Perth'), 'Australia/Perth');
});
