export { freePort } from '../server/ops/free-port.js';
