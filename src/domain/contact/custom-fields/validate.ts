/**
 * Validation of a custom field value against its definition's type ("each field will be
 * validated depending on the type of field", add-or-update-contact.md). A value is stored in
 * the form the API returns it: text for text, select and file fields, an array of option
 * values for multiple select, an address object, a `yyyy-mm-dd HH:mm:ss UTC` date and a
 * number for whole numbers. `null` or an empty string clears the field.
 */
import { formatTimestamp, parseDate, parseTimestamp } from '../../../protocol/timestamp.js';
import { addressInput, addressOut, normaliseAddress, type Address } from '../address.js';
import { FieldType, type FieldDefinition } from './definitions.js';

export type CustomValue = string | number | string[] | Address;

export type Checked = { value: CustomValue | null } | { error: string };

const SMALL_TEXT_MAX = 255;
const LARGE_TEXT_MAX = 65_535;

/** File categories a file field may name in `fileTypes`, by extension. */
const FILE_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  images: ['jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'svg', 'tif', 'tiff', 'heic'],
  documents: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'rtf', 'txt', 'csv'],
  audio: ['mp3', 'wav', 'ogg', 'm4a', 'aac', 'flac'],
  video: ['mp4', 'mov', 'avi', 'mkv', 'webm', 'wmv'],
  archives: ['zip', 'rar', '7z', 'tar', 'gz'],
};

function asText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return undefined;
}

function text(raw: unknown, max: number): Checked {
  const value = asText(raw);
  if (value === undefined) return { error: 'Value must be a string' };
  if (value.length > max) return { error: `Value must be at most ${max} characters long` };
  return { value };
}

/** Matches an option by its value first, then by its label; returns the option value. */
function option(def: FieldDefinition, raw: unknown): string | undefined {
  const value = asText(raw);
  if (value === undefined || !def.selectValues) return undefined;
  if (Object.hasOwn(def.selectValues, value)) return value;
  return Object.keys(def.selectValues).find((key) => def.selectValues![key] === value);
}

function options(def: FieldDefinition): string {
  return Object.keys(def.selectValues ?? {}).join(', ');
}

function singleSelect(def: FieldDefinition, raw: unknown): Checked {
  const value = option(def, raw);
  return value === undefined ? { error: `Value must be one of: ${options(def)}` } : { value };
}

function multipleSelect(def: FieldDefinition, raw: unknown): Checked {
  const items = Array.isArray(raw) ? raw : [raw];
  const picked: string[] = [];
  for (const item of items) {
    const value = option(def, item);
    if (value === undefined) return { error: `Every value must be one of: ${options(def)}` };
    if (!picked.includes(value)) picked.push(value);
  }
  return picked.length === 0 ? { value: null } : { value: picked };
}

function address(raw: unknown): Checked {
  const parsed = addressInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { error: `${where}${issue?.message ?? 'Value must be an address object'}` };
  }
  const parts = normaliseAddress(parsed.data);
  if (Object.values(parts).every((p) => p === null)) return { value: null };
  return { value: addressOut(parts) };
}

function date(raw: unknown): Checked {
  if (typeof raw !== 'string') return { error: 'Value must be a date (yyyy-mm-dd) or a timestamp (yyyy-mm-dd HH:mm:ss)' };
  const day = parseDate(raw);
  const ms = day !== null ? Date.parse(`${day}T00:00:00Z`) : parseTimestamp(raw);
  if (ms === null) return { error: 'Value must be a date (yyyy-mm-dd) or a timestamp (yyyy-mm-dd HH:mm:ss)' };
  return { value: formatTimestamp(ms) };
}

function file(def: FieldDefinition, raw: unknown): Checked {
  if (typeof raw !== 'string') return { error: 'Value must be the http(s) URL of the file' };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { error: 'Value must be the http(s) URL of the file' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: 'Value must be the http(s) URL of the file' };
  const accepted = def.fileTypes ?? [];
  if (accepted.length > 0) {
    const extension = /\.([A-Za-z0-9]+)$/.exec(url.pathname)?.[1]?.toLowerCase();
    const allowed = accepted.flatMap((t) => FILE_CATEGORIES[t.toLowerCase()] ?? [t.toLowerCase().replace(/^\./, '')]);
    if (!extension || !allowed.includes(extension)) {
      return { error: `The file must be of type: ${accepted.join(', ')}` };
    }
  }
  return { value: url.toString() };
}

function wholeNumber(raw: unknown): Checked {
  if (typeof raw === 'number' && Number.isSafeInteger(raw)) return { value: raw };
  if (typeof raw === 'string' && /^[-+]?\d+$/.test(raw.trim())) {
    const n = Number(raw.trim());
    if (Number.isSafeInteger(n)) return { value: n };
  }
  return { error: 'Value must be a whole number' };
}

export function checkCustomValue(def: FieldDefinition, raw: unknown): Checked {
  if (raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) return { value: null };
  switch (def.fieldType) {
    case FieldType.smallText:
      return text(raw, SMALL_TEXT_MAX);
    case FieldType.largeText:
      return text(raw, LARGE_TEXT_MAX);
    case FieldType.singleSelect:
    case FieldType.largeSelect:
      return singleSelect(def, raw);
    case FieldType.multipleSelect:
      return multipleSelect(def, raw);
    case FieldType.address:
      return address(raw);
    case FieldType.date:
      return date(raw);
    case FieldType.file:
      return file(def, raw);
    case FieldType.staticText:
      return { error: 'Values cannot be set for static text fields' };
    case FieldType.wholeNumber:
      return wholeNumber(raw);
    default:
      return { error: `Custom field ${def.id} has an unknown type` };
  }
}
