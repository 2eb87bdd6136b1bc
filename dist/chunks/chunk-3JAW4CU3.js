import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);
import{P as o}from"./chunk-ECB6T6QE.js";function n(i){return o(i.io,i.inputs.config)}export{n as a};
