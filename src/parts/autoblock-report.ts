/** Part `autoblock-report`: the debug report of third-party hosts in no category (autoblock drop-in only). */
export { reportUnknownHosts } from '../autoblock/unknown-hosts';
