import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);
import{A as o}from"./chunk-57UOPRHP.js";function n(i){return o(i.io,i.inputs.config)}export{n as a};
