import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);
import{a as e}from"./chunk-XOEMN2J7.js";import{b as t}from"./chunk-HHGANE4H.js";async function i(r){let{owner:o,repo:m}=t(r.team);return(await e(r.gh,"GET /orgs/{org}/teams/{team_slug}/members",{org:o,team_slug:m})).map(s=>s.login)}export{i as a};
