import { MemoryNodeHub } from './memory-node-transport.js';
import { runNodeRequestsContract } from './node-requests.contract.js';

const hub = new MemoryNodeHub();
runNodeRequestsContract('memory', {
  open: (ids) => Promise.resolve(ids.map((id) => hub.transport(id))),
  silence: (id) => Promise.resolve(hub.unplug(id)),
});
