/*
 * artillery-engine-hugmood: `engine: hugmood` in artillery scenarios. artillery requires this
 * package by name and constructs its export; dist/index.cjs is this file bundled (with the SDK)
 * into CommonJS by `npm run load`.
 */
import { HugMoodEngine } from './hugmood-engine.js';

// The bundle's footer makes this default export the module itself (`module.exports = HugMoodEngine`).
export default HugMoodEngine;
