/**
 * The SDK's coverage of the registry, checked by the compiler (`npm run typecheck` covers
 * test/; nothing here runs):
 * - every implemented action (ActionTypes, generated from the registry by `npm run generate`;
 *   test/protocol/action-types.test.ts fails when that file is stale) has a client method taking
 *   its parameters and resolving to its result: `ClientCoversEveryAction` does not compile
 *   otherwise, naming the missing actions;
 * - `paginate` yields typed items for list actions.
 * Each check is also applied to a client type with one method removed, under @ts-expect-error:
 * were the check unable to fail, that line would be an unused expectation, itself an error.
 */
import type { ListActionOf, ListItemOf, MarqueeClient } from '../../src/client/index.js';
import type { ActionTypes } from '../../src/protocol/action-types.js';
import type { ActionId } from '../../src/protocol/catalogue.js';

type Namespace = keyof ActionTypes & string;

/** Every implemented action, as `namespace.action`. */
type Implemented = { [N in Namespace]: `${N}.${keyof ActionTypes[N] & string}` }[Namespace];

/** The actions a client type has a correctly typed method for. */
type Covered<C> = {
  [N in Namespace & keyof C]: {
    [A in keyof ActionTypes[N] & keyof C[N] & string]: ActionTypes[N][A] extends { params: infer P; result: infer R }
      ? C[N][A] extends (params: P) => Promise<R>
        ? `${N}.${A}`
        : never
      : never;
  }[keyof ActionTypes[N] & keyof C[N] & string];
}[Namespace & keyof C];

/** `true`, or the names of the actions without a method (shown in the compiler's message). */
type NoneMissing<C> = [Exclude<Implemented, Covered<C>>] extends [never] ? true : Exclude<Implemented, Covered<C>>;
type Assert<T extends true> = T;

export type ClientCoversEveryAction = Assert<NoneMissing<MarqueeClient>>;
// Every implemented action is a catalogued one (the method names come from the catalogue at run time).
export type ImplementedAreCatalogued = Assert<Implemented extends ActionId ? true : false>;

type WithoutGetContact = Omit<MarqueeClient, 'contact'> & { contact: Omit<MarqueeClient['contact'], 'getContact'> };
// @ts-expect-error the check fails when one method is missing ("contact.getContact" does not satisfy true)
export type ProvesTheCheckCanFail = Assert<NoneMissing<WithoutGetContact>>;

type WrongResult = Omit<MarqueeClient, 'test'> & { test: { ping: (params: ActionTypes['test']['ping']['params']) => Promise<{ nope: 1 }> } };
// @ts-expect-error a method resolving to another type than the action's result does not count
export type ProvesTypesAreChecked = Assert<NoneMissing<WrongResult>>;

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Contact = ActionTypes['contact']['getContactList']['result']['results'][number];
export type ListItemsAreTyped = Assert<Same<ListItemOf<'contact', 'getContactList'>, Contact>>;
// @ts-expect-error getContact returns one contact, not a collection: it is no list action
export type ProvesListActionsAreSelected = Assert<Same<Extract<ListActionOf<'contact'>, 'getContact'>, 'getContact'>>;

/** Compiled, never run: the calls the typed iterators accept and refuse. */
export async function pagingTypes(client: MarqueeClient): Promise<void> {
  for await (const contact of client.contact.getContactList.all({ filter: { externalId: 'crm-42' } })) {
    const typed: Contact = contact;
    void typed.id.toFixed();
  }
  for await (const note of client.contact.getContactNoteList.all({ contactId: 1 }, 50)) void note.id;
  // @ts-expect-error contactId is required by getContactNoteList
  client.contact.getContactNoteList.all();
  // @ts-expect-error a parameter of the wrong type
  client.contact.getContactList.all({ filter: [1] });
  // @ts-expect-error the paging parameters are the iterator's
  client.contact.getContactList.all({ start: 10 });
  // @ts-expect-error getContact is no list action: its method has no iterator
  void client.contact.getContact.all;

  for await (const contact of client.paginate('contact', 'getContactList', { filter: { externalId: 'crm-42' } })) {
    const typed: Contact = contact;
    void typed.id.toFixed();
  }
  for await (const note of client.paginate('contact', 'getContactNoteList', { contactId: 1 }, 50)) void note;
  // Any other name (an iVvy action Marquee does not implement, say) still pages, yielding what the caller says.
  for await (const item of client.paginate<{ id: number }>('venue', 'getSomethingNew', {})) void item.id;
}

