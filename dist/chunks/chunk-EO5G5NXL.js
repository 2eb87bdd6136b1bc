import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);
import{M as o}from"./chunk-R6SN52IW.js";function n(i){return o(i.io,i.inputs.config)}export{n as a};
