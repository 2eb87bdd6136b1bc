import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);
function E(t=3e4){return(e,n)=>{let r=AbortSignal.timeout(t),o=n?.signal?AbortSignal.any([n.signal,r]):r;return fetch(e,{...n,signal:o})}}function T(t){let e=Number(t.FIRSTLINE_REQUEST_TIMEOUT_MS);return Number.isInteger(e)&&e>=100?e:3e4}export{E as a,T as b};
