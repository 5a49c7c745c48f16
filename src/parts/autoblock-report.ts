/** Part `autoblock-report`: automatic blocking's diagnostics, loaded only in debug (autoblock drop-in only). */
export { startDiagnostics } from '../autoblock/diagnostics';
