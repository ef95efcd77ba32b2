/* eslint-disable no-undef */
// Build of the add-in, laid out like Microsoft's shared-runtime custom-functions template: one page
// (taskpane.html) hosts the task pane, the ribbon commands and the custom functions in one shared runtime.
const fs = require("fs");
const path = require("path");
const devCerts = require("office-addin-dev-certs");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const urlProd = process.env.STOCKBOOK_PROD_URL || "https://stockbook.example.com/"; // your deployment location

/** Every file of src/functions that declares custom functions; metadata and associations come from their JSDoc. */
function customFunctionFiles() {
  const dir = path.join(__dirname, "src", "functions");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && fs.readFileSync(path.join(dir, f), "utf8").includes("@customfunction"))
    .sort()
    .map((f) => `./src/functions/${f}`);
}

/**
 * HTTPS for the dev server. office-addin-dev-certs installs its CA into the system store, which needs sudo on
 * Linux; when that fails the generated certificate files are used as they are (the browser must then be told to
 * trust them), so the server still starts.
 */
async function httpsOptions() {
  try {
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch (err) {
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    if (!fs.existsSync(path.join(dir, "localhost.crt"))) await devCerts.generateCertificates();
    console.warn(`Could not install the dev CA (${err.message.split("\n")[0]}); using ${dir} as it is.`);
    return {
      ca: fs.readFileSync(path.join(dir, "ca.crt")),
      key: fs.readFileSync(path.join(dir, "localhost.key")),
      cert: fs.readFileSync(path.join(dir, "localhost.crt")),
    };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const functionFiles = customFunctionFiles();
  return {
    devtool: "source-map",
    entry: {
      functions: ["./src/functions/runtime.ts", ...functionFiles],
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: { path: path.resolve(__dirname, "dist"), clean: true, filename: "[name].js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    // No `global` shim: webpack's shim is `new Function("return this")`, which a strict CSP (no unsafe-eval)
    // refuses; the code uses globalThis.
    node: { global: false },
    performance: { maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000 },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { sourceMap: true } } },
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionFiles }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd);
            },
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist"), publicPath: "/public" },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_BUILD ? {} : await httpsOptions() },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
};
