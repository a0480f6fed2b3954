/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS hook that electron-builder require()s */
// electron-builder afterPack hook: flip Electron's fuses in the packaged binary (before signing).
// https://www.electronjs.org/docs/latest/tutorial/fuses
'use strict';
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** The fuses, as the packaged app must have them. */
const FUSES = {
  version: FuseVersion.V1,
  // No `ELECTRON_RUN_AS_NODE`: the app's binary cannot be used as a plain Node.js.
  [FuseV1Options.RunAsNode]: false,
  // Cookies (and other Chromium storage) encrypted with the OS keychain key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect are ignored: nobody injects code through the environment.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app's code is loaded only from app.asar (not from a loose app/ folder beside it)...
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // ...and app.asar is checked against the hash electron-builder embeds (Info.plist on macOS, a
  // resource on Windows) before it is loaded: an edited app.asar does not start. (Linux has no
  // embedded hash; the fuse is harmless there.)
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // The app loads itself from app://, never file://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The file whose fuse wire is flipped, for an afterPack context. */
function fuseTarget(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

async function afterPack(context) {
  const target = fuseTarget(context);
  const isMacArm = context.electronPlatformName === 'darwin' && context.arch === 3; // builder-util Arch.arm64
  await flipFuses(target, { ...FUSES, resetAdHocDarwinSignature: isMacArm });
  console.log(`  • fuses flipped  file=${path.relative(process.cwd(), target)}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.fuseTarget = fuseTarget;
