/**
 * Environment reads that never prompt or throw. Deno guards process.env and the file system with
 * permissions: reading without one throws, or on a terminal stops to ask the user. So under Deno a
 * read happens only when the permission is already granted (Deno.permissions.querySync never asks).
 */

interface DenoPermissionDescriptor {
  name: 'env' | 'ffi' | 'read';
  variable?: string;
}
type DenoGlobal = { permissions: { querySync(d: DenoPermissionDescriptor): { state: string } } } | undefined;

const deno = (globalThis as { Deno?: DenoGlobal }).Deno;

/** Whether Deno grants `d` without asking (always true outside Deno). */
export function denoGrants(d: DenoPermissionDescriptor): boolean {
  try {
    return !deno || deno.permissions.querySync(d).state === 'granted';
  } catch {
    return false;
  }
}

/** process.env[name], or undefined where there is no process or no permission to read it. */
export function readEnv(name: string): string | undefined {
  try {
    return denoGrants({ name: 'env', variable: name }) && typeof process !== 'undefined' ? process.env?.[name] : undefined;
  } catch {
    return undefined;
  }
}
