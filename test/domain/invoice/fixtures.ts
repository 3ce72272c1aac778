/** Arranging invoices for tests: through the same writers other modules use, in one transaction. */
import { createActionContext, internalCaller } from '../../../src/registry/context.js';
import type { InvoiceWriteContext, NewInvoice } from '../../../src/domain/invoice/store.js';
import type { TestServer } from '../../support/server.js';

/** Runs `fn` in a transaction of the server's account, as a write action would. */
export function write<T>(server: TestServer, fn: (ctx: InvoiceWriteContext) => Promise<T>, now = Date.now(), accountId?: number): Promise<T> {
  return server.store(accountId).transaction((tx) => fn(createActionContext(server.runtime, tx, internalCaller(tx.accountId), { now })));
}

let serial = 0;

export async function addContact(server: TestServer, fields: Record<string, unknown> = {}): Promise<number> {
  serial++;
  const result = await server.client.call<{ id: number }>('contact', 'addOrUpdateContact', {
    firstName: 'Ivy',
    lastName: `Payer${serial}`,
    email: `ivy.payer${serial}@example.com`,
    ...fields,
  });
  return result.id;
}

export async function addCompany(server: TestServer, fields: Record<string, unknown> = {}): Promise<number> {
  serial++;
  const result = await server.client.call<{ id: number }>('contact', 'addOrUpdateCompany', {
    businessName: `Acme Events ${serial}`,
    businessNumber: 'ABN 51 824 753 556',
    email: `accounts${serial}@acme.example`,
    address: { line1: '1 Harbour St', city: 'Sydney', stateCode: 'NSW', countryCode: 'AU', postalCode: '2000' },
    ...fields,
  });
  return result.id;
}

export const GST = { taxId: 1, name: 'GST', rate: 10 } as const;

/** 10 menus at $23.00 (GST included): the announcement's example, total 230.00. */
export function menuInvoice(overrides: Partial<NewInvoice> = {}): NewInvoice {
  return {
    refType: 0,
    refId: null,
    title: 'Tax Invoice',
    description: 'Christmas party',
    currency: 'AUD',
    items: [{ description: 'Menu', quantity: 10, unitCostCents: 2300, refType: 506, taxes: [GST] }],
    email: false,
    ...overrides,
  };
}
