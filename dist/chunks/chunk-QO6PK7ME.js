import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);
import{C as o}from"./chunk-5SEC6LQU.js";function n(i){return o(i.io,i.inputs.config)}export{n as a};
