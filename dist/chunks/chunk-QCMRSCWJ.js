import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);
function T(t=3e4,e){return(o,n)=>{let r=AbortSignal.timeout(t),E=n?.signal?AbortSignal.any([n.signal,r]):r;return(e??fetch)(o,{...n,signal:E})}}function u(t){let e=Number(t.FIRSTLINE_REQUEST_TIMEOUT_MS);return Number.isInteger(e)&&e>=100?e:3e4}export{T as a,u as b};
