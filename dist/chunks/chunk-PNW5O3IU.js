import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);
function r(n){if(typeof n=="object"&&n!==null&&"status"in n&&typeof n.status=="number")return n.status}function o(n){let[t="",e=""]=n.split("/");return{owner:t,repo:e}}export{r as a,o as b};
