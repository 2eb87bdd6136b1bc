import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);
import{$ as o}from"./chunk-KEVDCCBR.js";function n(i){return o(i.io,i.inputs.config)}export{n as a};
