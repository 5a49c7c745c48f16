/**
 * Part `autoblock-report`: automatic blocking's diagnostics for site owners, loaded only in
 * debug (autoblock drop-in only): vendor elements that got in too late, and third-party hosts
 * in no category.
 */
export { watchLate } from '../autoblock/report';
export { reportUnknownHosts } from '../autoblock/unknown-hosts';
