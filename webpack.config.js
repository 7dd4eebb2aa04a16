// pcf-scripts merges this into its own webpack configuration for every control folder beside it (it reads
// webpack.config.js from the parent of each control folder when featureconfig.json turns on
// pcfAllowCustomWebpack). It only tunes the minifier, for the bundles' size limits in scripts/build.mjs.
module.exports = {
  output: { pathinfo: false },
  optimization: {
    minimizeOptions: {
      javascript: {
        ecma: 2020,
        compress: { passes: 3, pure_getters: true, unsafe: true, unsafe_arrows: true, unsafe_methods: true },
      },
    },
  },
};
