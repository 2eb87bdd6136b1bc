import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);
import{a as t}from"./chunk-XOEMN2J7.js";import{b as e}from"./chunk-HHGANE4H.js";async function i(r){let{owner:o,repo:m}=e(r.team);return(await t(r.gh,"GET /orgs/{org}/teams/{team_slug}/members",{org:o,team_slug:m})).map(s=>s.login)}export{i as a};
