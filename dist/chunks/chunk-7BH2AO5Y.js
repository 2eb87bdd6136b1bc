import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);
import{a as r,b as i}from"./chunk-TCGERW5X.js";var o=i((p,e)=>{e.exports=r("node:fs")});export{o as a};
