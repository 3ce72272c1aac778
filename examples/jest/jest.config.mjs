import { fileURLToPath } from 'node:url';

export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.test.mjs'],
  // Native ESM: Jest runs the .mjs files as they are (node --experimental-vm-modules).
  transform: {},
};
