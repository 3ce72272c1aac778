/**
 * The errors of the contact namespace. 24096 and 24153 are documented (get-contact.md,
 * get-company.md); everything else a client can get wrong is a parameter that does not
 * validate (23016), with the reason in additionalMessages (docs/compatibility.md, Contacts).
 */
import { ApiError } from '../../protocol/errors.js';
import { doesNotValidate, isRequired } from '../../protocol/specific-codes.js';

export const CONTACT_NOT_FOUND = 24096;
export const COMPANY_NOT_FOUND = 24153;

export const contactNotFound = (): ApiError => new ApiError(404, CONTACT_NOT_FOUND, 'Unable to find contact');
export const companyNotFound = (): ApiError => new ApiError(404, COMPANY_NOT_FOUND, 'Unable to find company');

/** `'<name>' does not validate` with one reason. */
export const invalid = (name: string, reason: string): ApiError => doesNotValidate(name, [reason]);

export const required = (name: string): ApiError => isRequired(name);

/** Joins a parameter name under a prefix (`primaryContact.email`) or leaves it bare. */
export const paramName = (prefix: string, name: string): string => (prefix ? `${prefix}.${name}` : name);
