export const MAIN_PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024; // WeChat refuses a larger main package
export const MAIN_PACKAGE_GOAL_BYTES = 700 * 1024; // ours

export interface BuiltFile {
  /** Relative to the build folder, with forward slashes. */
  path: string;
  bytes: number;
}

export interface PackageSizes {
  mainBytes: number;
  subpackages: Array<{ root: string; bytes: number }>;
}

/** Splits a weapp build into the main package and the subpackages named in app.json. */
export function measurePackages(files: readonly BuiltFile[], subpackageRoots: readonly string[]): PackageSizes {
  const roots = subpackageRoots.map((root) => root.replace(/\/+$/, ''));
  const subpackages = roots.map((root) => ({ root, bytes: 0 }));
  let mainBytes = 0;
  for (const file of files) {
    const owner = subpackages.find((subpackage) => file.path.startsWith(`${subpackage.root}/`));
    if (owner) owner.bytes += file.bytes;
    else mainBytes += file.bytes;
  }
  return { mainBytes, subpackages };
}

export type SizeVerdict = 'ok' | 'over-goal' | 'over-limit';

export function judgeMainPackage(bytes: number): SizeVerdict {
  if (bytes > MAIN_PACKAGE_LIMIT_BYTES) return 'over-limit';
  if (bytes > MAIN_PACKAGE_GOAL_BYTES) return 'over-goal';
  return 'ok';
}

export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
