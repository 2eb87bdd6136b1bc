import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);
import{Y as o}from"./chunk-QO3HIHP2.js";function n(i){return o(i.io,i.inputs.config)}export{n as a};
