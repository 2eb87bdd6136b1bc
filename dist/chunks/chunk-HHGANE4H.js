import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);
function o(t){if(typeof t=="object"&&t!==null&&"status"in t&&typeof t.status=="number")return t.status}function r(t){let[n="",e=""]=t.split("/");return{owner:n,repo:e}}export{o as a,r as b};
