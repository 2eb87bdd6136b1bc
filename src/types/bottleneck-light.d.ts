// Bottleneck's light build (no Redis clustering), the one @octokit/plugin-throttling uses, has the
// same API as the full build but ships no types of its own.
declare module "bottleneck/light.js" {
  import Bottleneck from "bottleneck";
  export default Bottleneck;
}
