/** The venue actions of the spaces area. */
import type { NamespaceActions } from '../../../registry/namespace.js';
import { getAvailableFunctionSpaces } from './availability/available-spaces.js';
import { getResourceAvailability } from './availability/resource-availability.js';
import { getFunctionSpaceAvailability } from './availability/space-slots.js';
import { getSpaceBlockoutList } from './blockouts/list.js';
import { addOrUpdateFunctionSpaceCategory, getFunctionSpaceCategoryList } from './categories/actions.js';
import { getFunctionSpaceList } from './function-spaces/list.js';
import { addOrUpdateFunctionSpace } from './function-spaces/upsert.js';
import { getResourceList } from './resources/list.js';

export const spacesActions: Partial<NamespaceActions<'venue'>> = {
  getFunctionSpaceList,
  addOrUpdateFunctionSpace,
  getFunctionSpaceCategoryList,
  addOrUpdateFunctionSpaceCategory,
  getSpaceBlockoutList,
  getFunctionSpaceAvailability,
  getAvailableFunctionSpaces,
  getResourceList,
  getResourceAvailability,
};
