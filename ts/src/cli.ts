/**
 * The `pqsimd` command: keygen / sign / verify files (ML-DSA; Falcon verify only), a correctness
 * self-test of every available backend, and a benchmark against @noble/post-quantum (pure JS).
 *
 * Bundled to dist/cli.mjs. @noble/post-quantum stays external and is imported lazily, so
 * the command works without it (the noble cross-checks and columns are then skipped).
 */
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, arch } from 'node:os';
import * as os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { availableBackends, loadBackend, ready, backend as currentBackend, tickCounter, KERNEL_NAMES, type KernelName } from './index.node.js';
import * as lib from './index.node.js';
import type { Backend, BackendName, FalconVerifier, KeyPair, MlDsa, PrehashName } from './types.js';

// ---------------------------------------------------------------------------------------------
// Constants

const ALGS = ['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87'] as const;
type AlgName = (typeof ALGS)[number];
const ALG_KEY = { 'ML-DSA-44': 'mlDsa44', 'ML-DSA-65': 'mlDsa65', 'ML-DSA-87': 'mlDsa87' } as const;
const BACKENDS: readonly BackendName[] = lib.BACKEND_NAMES;

/** Falcon is verification-only here. Det1024 = Algorand's deterministic Falcon-1024. */
const FALCON_ALGS = ['Falcon-512', 'Falcon-1024', 'Falcon-Det1024'] as const;
type FalconAlg = (typeof FALCON_ALGS)[number];
const FALCON_KEY = { 'Falcon-512': 'falcon512', 'Falcon-1024': 'falcon1024', 'Falcon-Det1024': 'falconDet1024' } as const;
type AnyAlg = AlgName | FalconAlg;
/** What `bench` measures when --alg is not given (noble has no deterministic Falcon). */
const BENCH_DEFAULT_ALGS: readonly AnyAlg[] = [...ALGS, 'Falcon-512', 'Falcon-1024'];

function isFalcon(a: AnyAlg): a is FalconAlg {
  return (FALCON_ALGS as readonly string[]).includes(a);
}

const PREHASHES: readonly PrehashName[] = [
  'SHA2-224', 'SHA2-256', 'SHA2-384', 'SHA2-512', 'SHA2-512/224', 'SHA2-512/256',
  'SHA3-224', 'SHA3-256', 'SHA3-384', 'SHA3-512', 'SHAKE-128', 'SHAKE-256',
];
/** node:crypto name, output length and the last OID byte (2.16.840.1.101.3.4.2.x) of each pre-hash. */
const PREHASH_INFO: Record<PrehashName, { node: string; len: number; oid: number }> = {
  'SHA2-256': { node: 'sha256', len: 32, oid: 0x01 },
  'SHA2-384': { node: 'sha384', len: 48, oid: 0x02 },
  'SHA2-512': { node: 'sha512', len: 64, oid: 0x03 },
  'SHA2-224': { node: 'sha224', len: 28, oid: 0x04 },
  'SHA2-512/224': { node: 'sha512-224', len: 28, oid: 0x05 },
  'SHA2-512/256': { node: 'sha512-256', len: 32, oid: 0x06 },
  'SHA3-224': { node: 'sha3-224', len: 28, oid: 0x07 },
  'SHA3-256': { node: 'sha3-256', len: 32, oid: 0x08 },
  'SHA3-384': { node: 'sha3-384', len: 48, oid: 0x09 },
  'SHA3-512': { node: 'sha3-512', len: 64, oid: 0x0a },
  'SHAKE-128': { node: 'shake128', len: 32, oid: 0x0b },
  'SHAKE-256': { node: 'shake256', len: 64, oid: 0x0c },
};

/** Known answers (SHA-256 of the outputs), computed with @noble/post-quantum 0.7.1. */
const SELFTEST_SEED = Uint8Array.from({ length: 32 }, (_, i) => i);
const SELFTEST_MSG = new TextEncoder().encode('pqsimd selftest message');
const SELFTEST_CTX = new TextEncoder().encode('pqsimd');
const KAT: Record<AlgName, { pk: string; sk: string; sig: string; preSha512: string }> = {
  'ML-DSA-44': {
    pk: '9f107644c1084526af3bc8098680b05499a2325a644e388fb4f970e058d19d46',
    sk: '04bf6b9f579166a627961dfc5c3bf9717df868db88863856356c4668c8b56b0b',
    sig: '18a96b73a7b9d86e2b544a27665e6b58cf2d614172d2d9b03ae85afb3878995f',
    preSha512: '7d486b7f8c2c3781d9b8224918acde11086de4273871b66959fe2386302d77d0',
  },
  'ML-DSA-65': {
    pk: 'd666806e11cee19a7c989f7445f90dd419cf4d2d51db8c0fdb4c0f0a542238c9',
    sk: '9f1e24f47795fe50040384e3d6183988047170fa2d866406b70fe0a3f8216063',
    sig: 'ce28dd86ff8cf15b83e6518c0419f094425184c168b44454b81faaf36019eac6',
    preSha512: '05b731e9e33724fdad0d82aabec3ab853c9d843f956484dcd6c29f56789b1acb',
  },
  'ML-DSA-87': {
    pk: '91dc389cfaa01470b7f66eee45a4ae9026d154817c754dfe22298b3fa241ffcd',
    sk: '764d3e223ed90c07bc91a0ab6ecd170e5c66ffe39f7039298596039a36005435',
    sig: '360f2e9d76da6fec4a376bd5f33b4b0d524fefc04c8b9ea0deb6f46b8f927989',
    preSha512: 'ea4df6ff5064cc643ec1742c304eddea046ec5ea5c2e5395965f73c193df9dab',
  },
};

/**
 * Falcon known answers for the selftest (base64 pk / signature, hex message), from the vectors in
 * vectors/falcon: the round-3 NIST KATs and the Algorand det1024 KATs.
 */
const FALCON_KAT: Record<FalconAlg, { msg: string; pk: string; sig: string }> = {
  'Falcon-512': {
    // round-3 KAT falcon512-KAT.rsp count = 0: pk, msg, detached signature (0x39 ‖ nonce ‖ s2, 656 B)
    msg: 'd81c4d8d734fcbfbeade3d3f8a039faa2a2c9957e835ad55b22e75bf57bb556ac8',
    pk: [
      'CWuobLZYqPRFyaXkwoN0vsh5yGVfaFJpIyQJGAdNAUfAMWLkpJIAZIxlKAPG/XUJrpqnmdYxDQvUJyTgY1kgGGIHAAdnylqFRrF1',
      'UwjDBLhPyTsGniZZhbOY1rg0aYKH/4KaqCDxen9CJqsh9gHr1xdSJrqyVtiIjwCQMlZtY4PWhFfqFVqUMBhw1YnGeO0wQlnp03sZ',
      'O8KnzLy+xR1pFYxEBzrsl5JjAlMxi8lU2/UNFQKCkNwtMJx7ewKmgjdE1GPaF3SVlct35tFtING0w6rYnTIOvlpnK7ltbNXB7+yL',
      'gRIAy7Bi5HM1JUDt3vivlJn4zdHcfGhz8MemvLcJdWAnH5RoSbfzc2QLtpyptRiqOApusKcnXuhOnCIa7Yj1v7r0Oj7ejmqkJVgQ',
      'T6+ADgGEQZMDdsb251FWmXH0etvKXKAMgBmI8xehhyKikpiSXqFU28kCThIFJKLUHcDxj9jZCfbFCXdATiAXZweLqaH55AqLK6nA',
      'G32joLc6TCprT1GLvuNFXQryIE3cAxyAXHLMtkeUCx5nlNhZquvOoN61gdYbkki9lpe1y5dKgXbo+RBGnK4KtO2S0q7p9+tQKW2v',
      'gFdHYwXBGJ0dmECglE8ER/uB5RFCDmeJG5j6bCVwNNWgY0N9N5F3zo0/purxLi27frjkmEgWErGSlhfaX7ReTN+JOSfYuoQqqGHZ',
      'xQRxxtDG334rsmRloOtqOnCd55Kq+q+SKqld1ZILcrS4hWxuYyhgsQ9cwIRQADZxrziJYYcrRmQArbgVuoHqeUlF0ZoQBiKmyg1B',
      'xOpiDCHcElEZ43JBjwRALZ+nGA97yJr6VPgIIkSkL0bltavOh7UKfW/r6Ne7uskmV8vaHbfCVXKkwdC66jBEeoZaKxA2uIADfi9N',
      'JtRT6ekTJZd56RabKKYuuAmlx0TgTiYOHyu9qHTxrGdIOd20ezFIxZRt4BgBSLeXPWPFgZOxfNBdFugM15KMKjODY6I6gcBgjIdQ',
      'VYm52hxhfntweGtnVPuzClgWgQueEmz8xapJMm6dhClzh0tjWbXbdWELpoqYx7XoPxJaglIuE7g/uPhk4ql7c7XVRKdBW2UEoTk5',
      '6rFZXWT69B+rJahkpXTeUkQF6HgzmHeIbS/Af6AxFQglJBPt+hFYRmZnr/eDhtr3y0ybhQmS+W4gUlMwWZq2AdRUaI4pTIw+',
    ].join(''),
    sig: [
      'OTOzwHUH5CAXSElNgytu4qbJO/+bDuNDtVDR+Fo9DeDXBMbReEKVEwkHZYQ9HkYNF6Un0rykBb1Vu8faCajGIL4K9Kdn2duWuA9V',
      '5GZnZ1Hqq6e5O4bXETLaoOs3Z4K57uN1Gc4Q/dM/6fKTEsMdhzYgbRZc9MUoqj3cAXhF4fDdWwpE/5YcQth0qVUz5bQ4mC9STKlU',
      '2HUzv75Cxj/yq8d6NMedtVqZFxu8tyyEKmUwry91Pww0rGMvnx55SfC/bGdmWydyKohX1ia2/xoTbZI6OfQGm3R3/5RuUkemYneR',
      '1JtZ7cniUlqGDm6YKNGPZKnxciLoFmoCRThZu9oLgYbYyZKLtXHkFGQB10MOIlkEZzrSHMrFTBRsJIod1pq2SR6QHW1xsVIVW+l9',
      '4FfzkWo/G0JzMIwpsvTZaXFnuQaBsVg+2TCnHpkEZ96jaBNL7O69WX+b7JIugW8bBXDXKPSuBGTB95dlf4ek5S3NyuuScmYupm18',
      'bNh4GzGvVVrZP19l51gWy43DBrtn5ZK1Jhusp8UJYp6ir4q7gMuonuU1t239nMu+O/SPK8iqNLJuEQMpEFP1y43jpFr6WnbfiyEi',
      '7SyC+88iWSkNQaFPhrEvNfXUl2KzTP8T7n5C7exwIB1/N8MzFiiPoweONuWBCIZcPP4mPVY2kgQ97MYvNCb4YGEoW3sbM29W/0G7',
      'ZenNbZuS/ZD4ZKockjy4x1X1zeF3DYYllUJxSddyGqq10ZSuqazeyhW+Q8umpitaM5Cen8TaHFgU+9fNai+lcuMYtCxsMZFAuG5m',
      'OSWAoRorQx9EwfknDk97JJDzsyWpl3pxpXWRVjZjW5lp29bSILJMPZnOu72DS4giK9CMOr4SToA=',
    ].join(''),
  },
  'Falcon-1024': {
    // round-3 KAT falcon1024-KAT.rsp count = 0 (0x3A ‖ nonce ‖ s2, 1270 B)
    msg: 'd81c4d8d734fcbfbeade3d3f8a039faa2a2c9957e835ad55b22e75bf57bb556ac8',
    pk: [
      'CgRBqbc/SU0WVWaAsSsPRGplJwDkMEFRvDEGg8Q/IKsoSS/1gHCAaPoGQnXBsNCEUvx8MkFUkpyoUNTm80JbDxSUdaFEaMdAvphC',
      '0sG7uT4gAfQgIGjQYMGqn5ml9n6GgA8uKkj86Voen1cKEtShGyKsuGcW+267RbbOECDn9E5CMBA3E+w0YFXUB8lpYF2fdsuLLwry',
      'u+GsH0ongAkmb97qCvraJZjjakkuC0Dq4SU5pLHkTRUNR8GS2YlcoI0ekdJOU1xtZJADjGKQRZF1CMqBXhT0AfSppcFeARIE0BLQ',
      'u3GHar1ajHWpTzL+BigonbRmSpa0XklNJSjqkHgaMJjo2tdv1YOokO/vroYegV3CaJTsWWX+jzicFOzXeyAyfESyAsveK0Vmufc6',
      'Ai+gZBv4HKq3DoIgZbYfXp/JGSON6vgLpMFybdUMZC452toT7Ik16ZNqlXZv/fhoxNldssGmcJciXEZO+qjeBdgGvF5H95ZDGAFC',
      '1e9TqI5+BsNkpZh3nASDCwjmkQSV+ZOK8ZOsVJcP7Y22lgASVkUfkTlsZ/GpD41dUbqcqQsheo8n3IRAlkSPdbEsQovQ/ymEYA+V',
      'udYBzsr5Z8agYqOZqx+2faEQI55znmGVqBFFnyG0Vw9sB334WFUMT+2QckBEKsz+UZW+9owslXVuiJN40F9+3nIjridhjWqREF6M',
      'ZJLZrLMFJqyjWXY0P9RsEoSkZ1hUu0Tp3OsySZ6mpPRS3VlAC/CWF1sGDBXl7VAb67JKnAypbdXzSPZuJ0iN8LiVRWnka5akCa2y',
      '0aziOInheuolMojFRfSLgsErKVbgnACNRVyTFF9jg0hQIxTrJx2STO07T16fvT0Qs86md4tQYSEUDuJUFOxWpc4FeiQi6nTAoCE1',
      'KCLnZDZjZEcxehIdSv0lQQCKmXsV86KY3nWHqtyQO6ZEqFnsQKPY11JUy6WBIXOA+VwzpNUUuUbLVzpQuBn4cCo1ApZFsAjrCN7x',
      'hVLnBvTv8UfJO2g97b1qfKQYO9L1qziQ1bMsR4C+IFTrFR0YLVSlAldvOViZxtVIyRa0vQWOEWJDiH1WxGKpphar4oIE7VoaMjnJ',
      'hZJkUTsCwR8MMMl2wfaCW7FS6NSkISmnMTcDFyQyIyK3koZkwyys0Np6KfyHyAiioM6RlEJLB3we71Q1XwP1CocIiYaCddvVJoxT',
      'ssmFS7tp/xL3XRE0ON86bxKXVMp2IrBm7VtFZCZs4BGlgEt74cXiTeHhcZhIk2qZeMAUjwiy5hAJDJlYXTI2laraGjNadZD37lAf',
      'KE31/Rx1fkybkuqvc38gAmspk1E1DIqowQYNeGExUBLFIBGOJ+oIkMp3QgUUXuckTIEe0NKpz5rMw8WgHJS0gMvStB+3tQGFCUTC',
      'xIkInuqexmOcmhE5t1bEC6Eg+tqQTHwGdyoTGFiuKYbCJ45RJiFeYxWRUF7x/ygeIBu9FJ16rKKSbYy7JymqmXfmefXeYqE47fya',
      '0R8JqYTmcE5crz9kUQEO09q14NA1cxh1Q/zGeq1thrtWE4MG3nmB7kxnaxmgrL2gF/sUAUseC9TL2YmlCp0D7yH3XbYxBO8HwE+U',
      'dhZ9R+yjEEUXv43ACwGPkXhDfGgQ5xWuYDaEdVBUZJ5fjrorM3worjd2dPErArQoXMnR7B9FmuiN1EhvMKj8f+PVpqyEptsFbQXc',
      'A13hyymJC3TQXvRDLeRRbAmD/hlloAHXN8feLYhd09Y24beJjJ7Lap6npqFbShjSoaD0yHfsAZMKdSIzaKgqIrUKdoHYiXDeEphf',
      'mHhl9aWJjNUjcBI9Y4rqs3gptaux2owpie5TKuU4U1lzsCJJEDMWfVHEaga24Xwxg+ymW3UV+GXVMI/9jWmFVVJc9teWU1l/TkbR',
      'JubWfxQlGfFBCtxpWJsjFl0Ph+rF995PPBPRS2Q7YIoy2YDRJVZ+nK0esJXExLsF1amx7sw+mq1BdBgoQfHoxiIEEW5xn/NHTkZj',
      'ramG3KCMNQFiKYtIi6rds3YdJc5RFPq2TJeeX82uagJO96gGeaJBWqwyRAgjI2PRIoXdM6aQsyBRdebHWoWzaPix/lu7Aur6Ykxh',
      'k4vC+AXpTQAaqpDmou6IUvgrVz0JUk2u1kkzoDkYyH4Du8X5pDSTCGZugzGMloqEhsinIrE5jIQpqYGae/UJVzmWnAO+rfeTel36',
      'Ftx8RKjj01WQCn1AiaXTALtpDNhjO03jZnDZN0mXoDCeEXYwExyyafSx757xKYDA8/QOZCPFR7jBQqBNTVSgBUJid2iHNYhhIo0Q',
      'Utn5YKh3+J4Lh2jDB8aHpoOUH6mkcxEPh5ZstWqBr5TJjGFHQMlFOZmm0NOxLeNhrXN169MCLcK3YmooamO4RIlHysw=',
    ].join(''),
    sig: [
      'OjOzwHUH5CAXSElNgytu4qbJO/+bDuNDtVDR+Fo9DeDXBMbReEKVEwm0mlshaWyJVGPq3Gi+Eyk+8rs2No0fkW7dbe3dF+1/JwYe',
      'YeVKkZKNNNj922WvQizTbCyRLFGRnSeNOcNZbcYZR0AyEKnrl0Vps1q+0ZSImESjZwXn5z+Xn55v+7LiEb9SQqmjHibVARvC1skZ',
      '7jSuBIysmu1NJmFoj0JtFn8bbGCIdhWMlqVTi85+ekaqqQoowc2kGM6P0l5qLDSP3iWEGZ93NVxN79ukob307Lna9jJSfmKXGN3L',
      'cXNICgVDNZzu6OQPmRkSKFm4iaYKPr6RJ2FJC4pe+VLqCTJSrPKpAoLpYYbdzSg8i2Y5ymZZAlmBJnIOONHZqeIgJtAuZCIWl0C1',
      'dXRpHS80n0bloGLyrw17XzZvcLleKyFSeyURfkSG15wgpQigKVlK4QZDqNfNbGDLyZiDbo1KhQ81jv2kxOkC73yn1MS6nkT21a/X',
      'itqRD1GEmpj2y08CUQy6s9FXNlb9FQmE3BTpsz+/2v5MOaWLw7/Zr36Ppt30fF657F78mbrZ5fIIa2xZOz4knW1jqIaBbjP2aR5j',
      'HOJTy8qszq3K/m+nOtnoTYnHIZlEjqLQkrSuMYbP7UrnY0UIUbFOtEjJEDRovVCkLlZpInSq3NESSVQUcT53ydPlECkN0T2Mbznr',
      '1vEqxLYc2BQdBGfujSq+W3BsqxrH5Zi8VvzkRbbeekzzKaStLmqmf9HJ9LvP/G+Jj+VtzPxD4tAnmsfMhy8ZYf6Gt2pKgpe08pbd',
      'CkJYt5tHs1/O2vLiQRtsASCipHkWskEh49MhxP0hLlTKry2qTnQ9E77Edp60ia2C/KVs3iRJyR271NjNJ2idL3dbJikUKeeeHfTz',
      'halPr9g0yLUjhQv3t3BULW4hrzvCiGRcOd/by4Vnmy4zYIFtXsJG5tAMo5ZfSvzuipPN2DNTEn3hk3b4ZJBUKjJZVMkhjPzcPj+c',
      '40Q737PKyKos2/6XZjhHjShMWtZ6uzuFf5lLdkjPqa37YwXZSlFmWpiaafLfakYE/9WklkbCLankasiA/9G3WHzZqJa64sqmaqn7',
      'JGZWMa57SMaxzQLPxLHydPAHRSGbd1ibFlyFGBNb7aPteTHeejWM+zIwdiuCf+UlhxVIgjgzi0o/GHDM51lUnMVKdDZQk2+w9Fji',
      'DfvomipdZ8UgaZ0+StbizhcIxJEJ1nHZmaUzd5iuXeUwM5VrmCQwWJ3O8w+tmGGPVyl26kFmzCrcCxb2VRxqXDeDC+mCFeqKLpcl',
      'PilWcR1N4T+v0UGEO7woqNRLy/1SPZqmQFWI7AnOQ1poRN8Lgmi0OQe1eLYfTExlYqG1bpobdNPRdSmBK5T0nZi0LdNLnw6ccSUT',
      'fTy9MmyjU4UxP1GW7caXubsgSuQpjd+fKGGz9EX+xqj7aows/HEReLmGTzIOThCJZO0ctu6Urvci+q42povEvaMEOVFXlPiBo5e9',
      'eCpUMiGNJTEmLsa1YQ3j1WtH3l/KgsElGmZiIc10e/kNHlf7rkkg3eppqEMgvbnLMl/jqxL5fZAwhQcOn8KgVInzNsQzz5cNk3I1',
      'FS7KiVSO5VGvj0IZSMJWHwfz7ea8udtKrBUUiGK7Zln216FUOPOYgSSPK8etOXgBuJRG9s3dYv5WaWx8vGRz6VqNA8Vz4A==',
    ].join(''),
  },
  'Falcon-Det1024': {
    // Algorand det1024 KAT count = 1 (0xBA ‖ salt version 0 ‖ s2, 1235 B)
    msg: 'fe',
    pk: [
      'CpK92Oi7mig+gBG16WctDzk2kB2ljRJ647cACkJK+hOWniK4nRGYteoWCbzuN+pFF+adqiKCv+U2cUktc4Ua/GR98AngKgYQtGGa',
      'aEL1rF6yimdMCxKeMyW+SZMNoTzB2kYOLeTgYZZQ1gexcBEEZPWqCiO1NoChHUjYMYQjgFWZb2s+Ga6xPkijgEHKl6jiE80Ji3vM',
      'FuMJIRKabLTGLiEpbcWHOqZKHClEzbANYqNN6WfxMkQnPUzllzemSVxUZ2jlFIy8QX1p7Uh4R/j36PXJ+hONeAt3nlA4nQAam08i',
      'j+BEdDzDMwD5FYGgFS8eYUNkrtOkujlDldsYZwqBihAMAvoIFewU4xTlDfBRBy5vk7Fog8tKo0M43Zgq7ugJPwFzhalNckbk9OlN',
      'yZ0jAARmMRookAkBGsocuxcOALGiSCxWZRuoFFnoCDDGw00C6VKkOfOKFFSReRsB+xaDSWSiq40ohbkEgXJNUuVjUhMGy5uibarK',
      '4DIOsqHiRmVyoO2HznUI1Ad6RZKhMDDQ6g4OVAS8Q0+H0HZCguLdSNYg2hxB77sm75AjKdg8pqBShgO2NgSd2rGiIWfCQ5fs6/Nc',
      'sqCHBsCIKEh2qEjhuZ+NoRcyyZNbiET0rJKmOrT2C3nTkglEf0B3pPEYtupJzK29DsbnplYIlji1t9kNzxSQpmACKFSjYb1EGH0Z',
      'tUDGTgTr6yNbjtvma+r2PfovWkeee3F91boJwkVlhFs7nAc8XKbUpGUubkOhfmVwLVpiTS/TLSUUcwLm6XDLAWu12+XNVT5V9XoS',
      'UmEPDm3vAqrjZgBeXDMeCepPuad0VNQUPxAs6iDvbp2VPLUVH3qdbE/7quYIo2LsKtnM2gsByRj3gCEkjH0i1O7mQrrJkdoZfqbI',
      'W0DhwiSdJZQh50taNVVCRkNixI98igaoJ2uSbhCjn4Gbe6GpM2zmarJw7jlfEsCrkffj6lnKLI3AsBCZNgNw/JEnIKe03igGA25o',
      'IkLhJguRPzcqqUP1FqBXbGg0SCY1bFayMb1Cr0nhugSDrs8QFJ1Dh8Sym742Op9WeWpIvoeRlXJ81cYgFhYda3TsyPpQ4IJ90eGN',
      'rAolOGMKUkHRcvK/VK/I2WNg3SNdX8lzqZ2DlCD2iSYb1ZSRDYb6acn/k88FsL/JDlBYCsVXRHzfzzCJTLATKj9jeKZgua2FZyTX',
      'pn3QV22BHuPiJe0CmY+pFAtCtmIvZ9IITJhAWyI0pmAzAKEHi6adliqD4BACvLeR1RZGaM8FsXCFCFHwOc0M5tlgclHNiIndHp8x',
      'xWWBSJh2QAg3OMRMwEY8MtCSHDF3nhlkf6MGgxqZVwjUclG821ZoWfyP2KFId4eSu6qHs/2V6yNdHSUkZOYZaHW15Iw2qQj1Ed1p',
      'pFaIRmeHaC9aHa9QOQD7G+LRIyQLHjrVk7q5HWgUmBa0jdLfvIw+QuvKRnqsj1F34sNvWOO27tqMRQyPUgNferx4yuq/6MOswokU',
      'CktDr7EPh8CO0yTOJdADqFhTNICHVRO4O323OFUHV6JVu5S+DdxgVIEB2eZwXn5olqVcAbA9mlq6HjUdfv/F6u0Ljoa1x5luQrax',
      'nKG1oSFh6glWlSYWc0mZJtxggom56fvbLc0mDQh7qWJmjan35JWviEZgxroXDlU9NnygjsKkD+AJeVpANRHZMrh0660wiC+I/NH0',
      'Xyyj9x0IoRYZBGTsSKN3JBcZTFvuZ1TN5KVlTpbJQSV0l9BzqThlcUZ+vCFEyqrbOItYjjbiyRS6qP4XIogpfGSXsqSvMQDASNc/',
      'TPdpNGJ7zMvpiUWUx3BpdDVVnfHJ7ng9LkEga8L/vVXGUEUePS6UTPXmlHxtfMbI3FaShO3LA/LajJjl+CPYW49kBh6UeB8QP5CB',
      'u6JbFaDS6pXz7UlKPg6FNK4Wbmkph4HtKrMs7AFlodwq7Va46p9RIsr7shYMbQtZCifnWlVLfabBDNVzZ1J4cNaKzWjV59OwHqJ+',
      '0tAEZJD2frAaSIwYUkeC6MpcaiiCpGbis8xui+oT5cXa/G8Q5kiamMkqYn7ZjQO+XqzyasIQ2gX4CXrgDsABbP6CPVBDtmJDyIyR',
      'xEyEJeLsQ6p4MSjx5qqtHkaQSGFlmSmkQMfQDl1Q3lvYjhvMTXKAaEdIM041ZXHHA/xESWAEX5MXenZ9pY3P/RYYfVQiGR9+QkTY',
      'NpfQC+Q9WmIH6CetgfimV/Qc4WCopVnItYB5MwXuPWLNVYlgZJQsbfgYWo1EbE5UuBdWrKtZUbj1V9l/sv4RIqhaG4pWZqBNAhU4',
      'UzmeoVGmuVk3f27ShLDpqqSU45EqBRqSjaoEHQnCdUnavoTZckJaAHEomWIGT89MjVb4plizskW+6g+R4b429EWy2mI=',
    ].join(''),
    sig: [
      'ugD31z1/GVeVz2pzkNWnDNIizWU1Dm+RXQyhn22p+9V+Hok6yssxY21rVFWufw81ZyW47UsyKJXduenrV2TTFOdR+/zLZDeC7WPj',
      'KnF5nW6NSlaZJOiR7nmxD2Qyls8/1HXJh0v2xNeTOIx5ITxUvjSGIvEYAh+qaetT5In33Zgt0wtF9UpM5QbOvWW+Pm8c2nBHUdUR',
      'YI2PLjSp7GW51PUQSSpJduE8w2BLgTwtNYwU2EdhK9jDWbe2feKQrxBV33PieaqogvfJr1HRKVY5kcigXxjaozVG2TSZDtZ3Nm2C',
      'QcfkSQ28w2v3tbSb6Sz8u64adgfkUZvPy83CQDfbDPahgWLZ9z8hsn2I1ytjp4/3/qnUd6IoSFI6a3Tw/m77N5FxpluuK4R/PLTn',
      '4rr9CFpLa/B81jjV9bpyE1qY0HlF0rcGxCsOVIYTF9okjbpdG2CeTusOZw70oQ2kaBVf5R2gnrD4VRWus3zmcLbntGJUmM7BbNwp',
      'ZIxiHGiufzxy/wjkOsH/onLyA5bMFgZywDG7bCRyo9uO9nHp31d5KRD1Z9/4rPYaNrUTK1KT392MlEsnYr499A7jp7u0toNkarTT',
      'XOz2DN9x980OZ7RMy8rMvsDGq1KBBC0Ylck0vAMZF2ZRpSsahJsKJP0Rpb46euZBAkMSczcjn2ZLvm7vIfNuYfHuiStpGMWol970',
      'vpmSqfbZ2G6yttjUnLqODdbDcLlpUe10WyI0jihfHnQYUu8zLv1awySCNPohZ4xE2krJBh4OcVH2NbBMak17LdGIAVtOvxQoax5v',
      'WzQcfnkmgs0oRx2v5jUXKuYfUnqT7KqjEyOqGWUhOXdbIGkMXIdxruEMdhmKEBMwjSPFYcheIg32KrediGRxn1SAsccuSLprLURk',
      'CILKmvovHPU4rEfi2OWlP9jA0FDvtAP2xDLqTNWWm8C5zuw2R1pgCtTKLZQxT2ZZpokvCNO1g473ilNErRgFO8ywsr3/pbd8i5Rt',
      'il189rSNFlWjQcyjhyxl+VZGM8YgaMqS+pPewS7Wzan03SJtSduJexs2bx1qriixIkyanszdM0kPWKvydq0CuoIcguiLQZ9bP5km',
      'u9FyqOR73uXEdGjp6lvZljj8aVFDxC1xvJyP5mpMgyj79hhqgyCu72nWr9Me/Eukuxk6p0o09UYwnMpkienTya3twdpXoCwmZ606',
      'Y06WNLfP4KjZJFX0KpXvozOtYKP3F1rVK3mkPSweCSdpFo4SdbhK0bLCpUOt0l8P9tFP9Xr+WBhL4bAYNn552YAiC9XJa6hcegn/',
      'qYYsir+GDQpLTJI+hmZmtCGYIpSfdgm8bBBocU66zYze53zEItmNvBWp/6Y12BnkR/dn/v9gbLW/+rXrOtQrLguafCJVHZOtb9Ky',
      'pxVr4RCtNSfbQeb2NyfDH6jaUXn6lWdTcdOh1hzp0pZqUT0TitcZxIfFJULNrh1eQHdODRrrPcfaLTjU90bsqiU7Tp9McgeFOsvH',
      'Y1e0e8smR5b3C+PPnhBrBJ5njI3lqpPbVqrsxF82naRONja1Fa6WapqcqJLJ8Xdosmc3SFtuRE6MRBmH1ze4Oj0kq7UctFOJ7toT',
      'Kou1OTdVNiYSlLJLA3CS3Yc1SDto806xEAfpASYGUrh1cKI=',
    ].join(''),
  },
};

// ---------------------------------------------------------------------------------------------
// Errors, argument parsing

/** Bad command line: exit 2 with a pointer to --help. */
class UsageError extends Error {}
/** Bad input or environment (unreadable file, wrong key length …): exit 2. */
class InputError extends Error {}

interface OptSpec {
  /** Options that take a value. */
  values: readonly string[];
  /** Boolean flags. */
  flags: readonly string[];
}

type Parsed = { values: Map<string, string>; flags: Set<string> };

function parseArgs(cmd: string, argv: readonly string[], spec: OptSpec): Parsed {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      throw new UsageError(`unexpected argument '${arg}'`);
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (spec.flags.includes(name)) {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      flags.add(name);
    } else if (spec.values.includes(name)) {
      let value: string;
      if (eq >= 0) value = arg.slice(eq + 1);
      else {
        if (i + 1 >= argv.length) throw new UsageError(`option --${name} needs a value`);
        value = argv[++i]!;
      }
      if (values.has(name)) throw new UsageError(`option --${name} given twice`);
      values.set(name, value);
    } else {
      throw new UsageError(`unknown option '--${name}' for '${cmd}'`);
    }
  }
  return { values, flags };
}

function required(p: Parsed, name: string): string {
  const v = p.values.get(name);
  if (v === undefined) throw new UsageError(`missing required option --${name}`);
  return v;
}

const ALG_NAMES_HELP = 'ml-dsa-44, ml-dsa-65, ml-dsa-87, falcon-512, falcon-1024 or falcon-det1024';

/** Any algorithm name: ML-DSA-44/65/87 (also 44, mldsa44, dilithium44 …), Falcon-512/1024/Det1024. */
function parseAnyAlg(s: string): AnyAlg {
  const k = s.toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const a of ALGS) {
    const n = a.slice(-2);
    if (k === n || k === `mldsa${n}` || k === `dilithium${n}`) return a;
  }
  if (k === 'falcon512') return 'Falcon-512';
  if (k === 'falcon1024') return 'Falcon-1024';
  if (k === 'falcondet1024' || k === 'det1024') return 'Falcon-Det1024';
  throw new UsageError(`unknown --alg '${s}' (expected ${ALG_NAMES_HELP})`);
}

/** An ML-DSA parameter set (keygen / sign). */
function parseAlg(s: string): AlgName {
  const a = parseAnyAlg(s);
  if (isFalcon(a)) throw new UsageError(`${a} is verification-only in pqsimd (keygen and sign support ml-dsa-44, ml-dsa-65, ml-dsa-87)`);
  return a;
}

function parseAlgList(s: string | undefined): AnyAlg[] {
  if (s === undefined) return [...BENCH_DEFAULT_ALGS];
  return [...new Set(s.split(',').map((x) => parseAnyAlg(x.trim())))];
}

function parseBackendName(s: string): BackendName {
  const b = BACKENDS.find((x) => x === s.toLowerCase());
  if (!b) throw new UsageError(`unknown --backend '${s}' (expected one of: ${BACKENDS.join(', ')})`);
  return b;
}

function parsePrehash(s: string): PrehashName {
  const norm = (x: string) => x.toUpperCase().replace(/[^A-Z0-9/]/g, '');
  const h = PREHASHES.find((x) => norm(x) === norm(s));
  if (!h) throw new UsageError(`unknown --prehash '${s}' (expected one of: ${PREHASHES.join(', ')})`);
  return h;
}

function parseFormat(p: Parsed): 'hex' | 'raw' {
  const f = p.values.get('format') ?? 'hex';
  if (f !== 'hex' && f !== 'raw') throw new UsageError(`--format must be 'hex' or 'raw', got '${f}'`);
  return f;
}

function parsePositiveNumber(p: Parsed, name: string, dflt: number, integer: boolean): number {
  const s = p.values.get(name);
  if (s === undefined) return dflt;
  const n = Number(s);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got '${s}'`);
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Bytes and files

const HEX_RE = /^[0-9a-fA-F]*$/;

/** Hex with any whitespace and an optional 0x prefix; null when it is not hex. */
function tryHex(text: string): Uint8Array | null {
  let s = text.replace(/\s+/g, '');
  if (s.startsWith('0x') || s.startsWith('0X')) s = s.slice(2);
  if (s.length % 2 !== 0 || !HEX_RE.test(s)) return null;
  return new Uint8Array(Buffer.from(s, 'hex'));
}

function parseHexArg(name: string, s: string): Uint8Array {
  const b = tryHex(s);
  if (!b) throw new UsageError(`--${name} must be hex (an even number of hex digits), got '${s.length > 40 ? s.slice(0, 40) + '…' : s}'`);
  return b;
}

function readInput(path: string, what: string): Uint8Array {
  try {
    const buf = path === '-' ? readFileSync(0) : readFileSync(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    throw new InputError(`cannot read ${what} '${path}': ${(e as Error).message}`);
  }
}

/**
 * A key, seed or signature file, raw or hex (whitespace allowed). The length that fits
 * `expected` wins; otherwise `strict` fails, and non-strict returns the best guess.
 */
function readBinaryFile(path: string, what: string, expected: number, alg: string, strict: boolean): { bytes: Uint8Array; ok: boolean; msg?: string } {
  const raw = readInput(path, what);
  const hex = tryHex(Buffer.from(raw).toString('latin1'));
  if (hex && hex.length === expected) return { bytes: hex, ok: true };
  if (raw.length === expected) return { bytes: raw, ok: true };
  const got = hex ? `${hex.length} bytes (hex)` : `${raw.length} bytes`;
  const msg = `${what} '${path}' has ${got}; ${alg} expects ${expected} bytes (raw, or ${2 * expected} hex digits)`;
  if (strict) throw new InputError(msg);
  return { bytes: hex ?? raw, ok: false, msg };
}

function writeOutput(path: string, what: string, bytes: Uint8Array, format: 'hex' | 'raw', secret = false): void {
  const data = format === 'hex' ? Buffer.from(Buffer.from(bytes).toString('hex') + '\n', 'latin1') : Buffer.from(bytes);
  try {
    if (path === '-') process.stdout.write(data);
    else {
      writeFileSync(path, data, secret ? { mode: 0o600 } : undefined);
      if (secret) chmodSync(path, 0o600); // also when the file already existed
    }
  } catch (e) {
    throw new InputError(`cannot write ${what} '${path}': ${(e as Error).message}`);
  }
}

function sha256hex(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function log(s = ''): void {
  process.stdout.write(s + '\n');
}

function note(s: string): void {
  process.stderr.write(s + '\n');
}

// ---------------------------------------------------------------------------------------------
// Library access

type Kernels = { nttLoop(iterations: number): void; invnttLoop(iterations: number): void; run?(name: KernelName, iterations: number): void };

function kernelsOf(b: Backend): Kernels | undefined {
  const k = (b as Backend & { kernels?: Kernels }).kernels;
  return k && typeof k.nttLoop === 'function' && typeof k.invnttLoop === 'function' ? k : undefined;
}

function schemeOf(b: Backend, alg: AlgName): MlDsa {
  return b[ALG_KEY[alg]];
}

/** The scheme on the default backend (after ready()). */
function defaultScheme(alg: AlgName): MlDsa {
  return lib[ALG_KEY[alg]];
}

function falconOf(b: Backend, alg: FalconAlg): FalconVerifier {
  return b[FALCON_KEY[alg]];
}

/** The Falcon verifier on the default backend (after ready()). */
function defaultFalcon(alg: FalconAlg): FalconVerifier {
  return lib[FALCON_KEY[alg]];
}

async function readyFor(p: Parsed): Promise<void> {
  const b = p.values.get('backend');
  await ready(b === undefined ? undefined : { backend: parseBackendName(b) });
}

function resolveBackends(p: Parsed): BackendName[] {
  const avail = availableBackends();
  const s = p.values.get('backend');
  if (s === undefined) return avail;
  const want = [...new Set(s.split(',').map((x) => parseBackendName(x.trim())))];
  for (const w of want) {
    if (!avail.includes(w)) throw new InputError(`backend '${w}' is not available in this runtime (available: ${avail.join(', ') || 'none'})`);
  }
  return want;
}

interface NobleDsa {
  lengths: { publicKey?: number; secretKey?: number; signature?: number; seed?: number };
  keygen(seed?: Uint8Array): { publicKey: Uint8Array; secretKey: Uint8Array };
  sign(msg: Uint8Array, secretKey: Uint8Array, opts?: { context?: Uint8Array; extraEntropy?: Uint8Array | false }): Uint8Array;
  verify(sig: Uint8Array, msg: Uint8Array, publicKey: Uint8Array, opts?: { context?: Uint8Array }): boolean;
  internal: {
    sign(msg: Uint8Array, secretKey: Uint8Array, opts?: { extraEntropy?: Uint8Array | false }): Uint8Array;
    verify(sig: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean;
  };
}
interface NobleNtt {
  encode(r: Int32Array): Int32Array;
  decode(r: Int32Array): Int32Array;
}
/** noble's Falcon (round 3, compressed detached signatures); its padded variant is not used here. */
interface NobleFalcon {
  keygen(seed?: Uint8Array): { publicKey: Uint8Array; secretKey: Uint8Array };
  sign(msg: Uint8Array, secretKey: Uint8Array, opts?: { extraEntropy?: Uint8Array | false }): Uint8Array;
  verify(sig: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean;
}
interface Noble {
  version: string;
  algs: Record<AlgName, NobleDsa>;
  ntt?: NobleNtt;
  /** Absent in noble versions without Falcon; noble has no deterministic Falcon-1024. */
  falcon?: Partial<Record<FalconAlg, NobleFalcon>>;
}

/** @noble/post-quantum when it can be imported, else null. */
async function loadNoble(): Promise<Noble | null> {
  let mod: { ml_dsa44: NobleDsa; ml_dsa65: NobleDsa; ml_dsa87: NobleDsa };
  try {
    mod = (await import('@noble/post-quantum/ml-dsa.js')) as unknown as typeof mod;
  } catch {
    return null;
  }
  let version = 'unknown';
  try {
    const url = import.meta.resolve('@noble/post-quantum/ml-dsa.js');
    const pkg = JSON.parse(readFileSync(join(dirname(fileURLToPath(url)), 'package.json'), 'utf8')) as { version?: string };
    version = pkg.version ?? version;
  } catch {
    /* version stays unknown */
  }
  let ntt: NobleNtt | undefined;
  try {
    type GenCrystals = (o: Record<string, unknown>) => { NTT: NobleNtt };
    const c = (await import('@noble/post-quantum/_crystals.js')) as unknown as { genCrystals: GenCrystals };
    // The ML-DSA ring, exactly as noble's ml-dsa.js instantiates it.
    ntt = c.genCrystals({
      N: 256, Q: 8380417, F: 8347681, ROOT_OF_UNITY: 1753,
      newPoly: (n: number) => new Int32Array(n), isKyber: false, brvBits: 8,
    }).NTT;
  } catch {
    ntt = undefined;
  }
  let falcon: Noble['falcon'];
  try {
    const f = (await import('@noble/post-quantum/falcon.js')) as unknown as { falcon512: NobleFalcon; falcon1024: NobleFalcon };
    if (f.falcon512 && f.falcon1024) falcon = { 'Falcon-512': f.falcon512, 'Falcon-1024': f.falcon1024 };
  } catch {
    falcon = undefined;
  }
  return { version, algs: { 'ML-DSA-44': mod.ml_dsa44, 'ML-DSA-65': mod.ml_dsa65, 'ML-DSA-87': mod.ml_dsa87 }, ntt, falcon };
}

/** noble's verdict; an exception (malformed input) counts as a rejection. */
function nobleFalconVerify(n: NobleFalcon, sig: Uint8Array, msg: Uint8Array, pk: Uint8Array): boolean {
  try {
    return n.verify(sig, msg, pk) === true;
  } catch {
    return false;
  }
}

/** M' of HashML-DSA (FIPS 204 Algorithm 4), built independently of the library. */
function prehashMessage(hash: PrehashName, msg: Uint8Array, ctx: Uint8Array): Uint8Array {
  const info = PREHASH_INFO[hash];
  const h = info.node.startsWith('shake')
    ? createHash(info.node, { outputLength: info.len })
    : createHash(info.node);
  const digest = h.update(msg).digest();
  const oid = [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, info.oid];
  return Uint8Array.from([1, ctx.length, ...ctx, ...oid, ...digest]);
}

// ---------------------------------------------------------------------------------------------
// keygen / sign / verify

const HELP_MAIN = `pqsimd — ML-DSA (FIPS 204) signatures and Falcon verification, WebAssembly SIMD / scalar backends

Usage:
  pqsimd keygen   --alg ALG [--seed HEX | --seed-file F] --pk FILE --sk FILE [--format hex|raw]
  pqsimd sign     --alg ALG --sk FILE --in MSGFILE --out SIGFILE [--context HEX] [--deterministic]
  pqsimd verify   --alg ALG --pk FILE --in MSGFILE --sig SIGFILE [--context HEX]
  pqsimd selftest [--backend NAME]
  pqsimd bench    [--alg ALG] [--backend NAME] [--runs N] [--seconds S] [--out FILE.md] [--json FILE.json]

ALG is ml-dsa-44, ml-dsa-65 or ml-dsa-87; verify (and bench) also take falcon-512, falcon-1024 and
falcon-det1024 (Falcon is verification-only). Run 'pqsimd COMMAND --help' for details.
Options: --help, --version.`;

const HELP: Record<string, string> = {
  keygen: `Usage: pqsimd keygen --alg ALG [--seed HEX | --seed-file F] --pk FILE --sk FILE [options]

Generate an ML-DSA key pair (FIPS 204 ML-DSA.KeyGen).

  --alg ALG          ml-dsa-44, ml-dsa-65 or ml-dsa-87 (required)
  --seed HEX         the 32-byte seed xi as 64 hex digits (default: random)
  --seed-file F      read the seed from a file (32 raw bytes or 64 hex digits)
  --pk FILE          where to write the public key ('-' = stdout) (required)
  --sk FILE          where to write the secret key, mode 0600 (required)
  --format hex|raw   output encoding (default hex)
  --backend NAME     native-avx512, native-avx2, native-neon-sha3, native-neon, native-portable, wasm-relaxed, wasm-simd or wasm-scalar (default: fastest available)`,
  sign: `Usage: pqsimd sign --alg ALG --sk FILE --in MSGFILE --out SIGFILE [options]

Sign a file (FIPS 204 ML-DSA.Sign, hedged by default).

  --alg ALG          ml-dsa-44, ml-dsa-65 or ml-dsa-87 (required)
  --sk FILE          secret key, raw or hex (required)
  --in MSGFILE       message to sign, read as raw bytes ('-' = stdin) (required)
  --out SIGFILE      where to write the signature ('-' = stdout) (required)
  --context HEX      context string, 0..255 bytes as hex (default empty)
  --deterministic    deterministic signing (rnd = 32 zero bytes)
  --prehash HASH     HashML-DSA with a pre-hash: ${PREHASHES.join(', ')}
  --format hex|raw   output encoding (default hex)
  --backend NAME     native-avx512, native-avx2, native-neon-sha3, native-neon, native-portable, wasm-relaxed, wasm-simd or wasm-scalar (default: fastest available)`,
  verify: `Usage: pqsimd verify --alg ALG --pk FILE --in MSGFILE --sig SIGFILE [options]

Verify a signature. Prints 'valid' (exit 0) or 'invalid' (exit 1); errors exit 2.

  --alg ALG          ${ALG_NAMES_HELP} (required)
  --pk FILE          public key, raw or hex (required)
  --in MSGFILE       signed message, raw bytes ('-' = stdin) (required)
  --sig SIGFILE      signature, raw or hex (required). Falcon: a detached round-3 signature
                     (compressed, padded or CT), or for falcon-det1024 compressed or CT
  --context HEX      context string as hex (default empty; ML-DSA only)
  --prehash HASH     verify a HashML-DSA signature with this pre-hash (ML-DSA only)
  --backend NAME     native-avx512, native-avx2, native-neon-sha3, native-neon, native-portable, wasm-relaxed, wasm-simd or wasm-scalar (default: fastest available)`,
  selftest: `Usage: pqsimd selftest [--backend NAME[,NAME]]

Check every available backend before trusting or benchmarking it: for each parameter set,
keygen from a fixed seed and a deterministic signature against known answers, verify, reject
tampered signatures / messages / contexts, HashML-DSA with all 12 pre-hashes, byte-identical
results across backends, and — when @noble/post-quantum can be imported — the same keys and
signatures as noble, which must also accept ours. Falcon-512, Falcon-1024 and deterministic
Falcon-1024: an embedded known-answer signature (round-3 / Algorand KATs) must verify (round 3
also zero-filled to the padded size), and tampered copies must not; verdicts equal across backends (and
noble's for round 3). Exit 0 when all pass, 1 on any mismatch.`,
  bench: `Usage: pqsimd bench [options]

Measure keygen, sign (hedged) and verify in ops/s for ML-DSA-44/65/87, and verify for
Falcon-512/1024 (of one signature noble makes at setup; Falcon keygen and sign are not
benchmarked), on every available backend and on @noble/post-quantum (pure JS, when importable),
plus forward and inverse NTT throughput. Each figure is the median of N runs after a warm-up.

  --alg ALG[,ALG]      only these (default ml-dsa-44,ml-dsa-65,ml-dsa-87,falcon-512,falcon-1024;
                       falcon-det1024 on request, without a noble column)
  --backend NAME[,…]   only these backends (default all available)
  --runs N             runs per figure (default 5)
  --seconds S          length of one run in seconds (default 0.2)
  --no-noble           skip @noble/post-quantum
  --no-ntt             skip the NTT rows of the main table
  --no-kernels         skip the per-kernel table (ns per call)
  --out FILE.md        also write the results as Markdown
  --json FILE.json     also write the results as JSON`,
};

async function cmdKeygen(p: Parsed): Promise<number> {
  const alg = parseAlg(required(p, 'alg'));
  const pkPath = required(p, 'pk');
  const skPath = required(p, 'sk');
  const format = parseFormat(p);
  if (p.values.has('seed') && p.values.has('seed-file')) throw new UsageError('give either --seed or --seed-file, not both');
  let seed: Uint8Array | undefined;
  if (p.values.has('seed')) {
    seed = parseHexArg('seed', p.values.get('seed')!);
    if (seed.length !== 32) throw new UsageError(`--seed must be 32 bytes (64 hex digits), got ${seed.length} bytes`);
  } else if (p.values.has('seed-file')) {
    seed = readBinaryFile(p.values.get('seed-file')!, 'seed file', 32, alg, true).bytes;
  }
  await readyFor(p);
  const m = defaultScheme(alg);
  const { publicKey, secretKey } = m.keygen(seed);
  writeOutput(pkPath, 'public key', publicKey, format);
  writeOutput(skPath, 'secret key', secretKey, format, true);
  note(`${alg} key pair (${currentBackend()}): public key ${publicKey.length} B -> ${pkPath}, secret key ${secretKey.length} B -> ${skPath}`);
  return 0;
}

async function cmdSign(p: Parsed): Promise<number> {
  const alg = parseAlg(required(p, 'alg'));
  const skPath = required(p, 'sk');
  const inPath = required(p, 'in');
  const outPath = required(p, 'out');
  const format = parseFormat(p);
  const context = p.values.has('context') ? parseHexArg('context', p.values.get('context')!) : undefined;
  if (context && context.length > 255) throw new UsageError(`--context must be at most 255 bytes, got ${context.length}`);
  const prehash = p.values.has('prehash') ? parsePrehash(p.values.get('prehash')!) : undefined;
  await readyFor(p);
  const m = defaultScheme(alg);
  const sk = readBinaryFile(skPath, 'secret key', m.lengths.secretKey, alg, true).bytes;
  const msg = readInput(inPath, 'message');
  const opts = { context, deterministic: p.flags.has('deterministic') };
  const sig = prehash ? m.prehash(prehash).sign(sk, msg, opts) : m.sign(sk, msg, opts);
  writeOutput(outPath, 'signature', sig, format);
  if (outPath !== '-') note(`${alg}${prehash ? ` / ${prehash}` : ''} signature (${sig.length} B, ${currentBackend()}) -> ${outPath}`);
  return 0;
}

/** A variable-length (Falcon) signature file, raw or hex: hex when it decodes to a plausible length. */
function readVariableSignature(path: string, longest: number): Uint8Array {
  const raw = readInput(path, 'signature');
  const hex = tryHex(Buffer.from(raw).toString('latin1'));
  return hex && hex.length >= 1 && hex.length <= longest ? hex : raw;
}

async function cmdVerifyFalcon(p: Parsed, alg: FalconAlg): Promise<number> {
  const pkPath = required(p, 'pk');
  const inPath = required(p, 'in');
  const sigPath = required(p, 'sig');
  if (p.values.has('context')) throw new UsageError(`${alg} has no context string`);
  if (p.values.has('prehash')) throw new UsageError(`${alg} has no pre-hash variant`);
  await readyFor(p);
  const f = defaultFalcon(alg);
  const longest = Math.max(f.lengths.signature, f.lengths.signatureMax, f.lengths.signatureCt);
  const pk = readBinaryFile(pkPath, 'public key', f.lengths.publicKey, alg, false);
  const sig = readVariableSignature(sigPath, longest);
  const msg = readInput(inPath, 'message');
  if (!pk.ok && pk.msg) note(`note: ${pk.msg}`);
  if (sig.length > longest) note(`note: signature '${sigPath}' has ${sig.length} bytes; ${alg} signatures have at most ${longest}`);
  const ok = f.verify(pk.bytes, msg, sig);
  log(ok ? 'valid' : 'invalid');
  return ok ? 0 : 1;
}

async function cmdVerify(p: Parsed): Promise<number> {
  const any = parseAnyAlg(required(p, 'alg'));
  if (isFalcon(any)) return cmdVerifyFalcon(p, any);
  const alg = any;
  const pkPath = required(p, 'pk');
  const inPath = required(p, 'in');
  const sigPath = required(p, 'sig');
  const context = p.values.has('context') ? parseHexArg('context', p.values.get('context')!) : undefined;
  const prehash = p.values.has('prehash') ? parsePrehash(p.values.get('prehash')!) : undefined;
  await readyFor(p);
  const m = defaultScheme(alg);
  const pk = readBinaryFile(pkPath, 'public key', m.lengths.publicKey, alg, false);
  const sig = readBinaryFile(sigPath, 'signature', m.lengths.signature, alg, false);
  const msg = readInput(inPath, 'message');
  for (const f of [pk, sig]) if (!f.ok && f.msg) note(`note: ${f.msg}`);
  if (context && context.length > 255) note(`note: --context is ${context.length} bytes; at most 255 are allowed`);
  const ok = prehash ? m.prehash(prehash).verify(pk.bytes, msg, sig.bytes, { context }) : m.verify(pk.bytes, msg, sig.bytes, { context });
  log(ok ? 'valid' : 'invalid');
  return ok ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------
// selftest

function fromB64(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'base64'));
}

function flipBit(b: Uint8Array, bit: number): Uint8Array {
  const out = b.slice();
  out[bit >> 3]! ^= 1 << (bit & 7);
  return out;
}

/**
 * Falcon selftest on one backend: the embedded known-answer signature verifies (also zero-filled
 * to the padded size, round 3 only), tampered copies do not, and noble (when given) agrees.
 * Returns the verdicts as a string of 0/1, to compare across backends.
 */
function falconSelftest(b: Backend, alg: FalconAlg, tag: string, check: (c: boolean, what: string) => boolean, noble: NobleFalcon | undefined): string {
  const f = falconOf(b, alg);
  const kat = FALCON_KAT[alg];
  const pk = fromB64(kat.pk);
  const msg = new Uint8Array(Buffer.from(kat.msg, 'hex'));
  const sig = fromB64(kat.sig);
  const det = alg === 'Falcon-Det1024';
  check(f.name === alg, `${tag}: verifier name is '${f.name}'`);
  check(pk.length === f.lengths.publicKey, `${tag}: known-answer public key is ${pk.length} B, lengths.publicKey ${f.lengths.publicKey}`);
  check(sig.length <= f.lengths.signatureMax, `${tag}: known-answer signature longer than lengths.signatureMax`);

  const cases: { label: string; pk: Uint8Array; msg: Uint8Array; sig: Uint8Array; want: boolean; noble: boolean; via?: FalconVerifier }[] = [
    { label: 'known-answer signature', pk, msg, sig, want: true, noble: true },
  ];
  if (!det) {
    const padded = new Uint8Array(f.lengths.signature);
    padded.set(sig);
    cases.push({ label: 'zero-filled (padded) signature', pk, msg, sig: padded, want: true, noble: false });
    const bad = padded.slice();
    bad[padded.length - 1] = 1;
    cases.push({ label: 'padded signature with a nonzero fill byte', pk, msg, sig: bad, want: false, noble: false });
  }
  for (const bit of [0, 8 + 5, 8 * (sig.length >> 1) + 2, 8 * sig.length - 1]) {
    cases.push({ label: `signature with bit ${bit} flipped`, pk, msg, sig: flipBit(sig, bit), want: false, noble: true });
  }
  cases.push({ label: 'truncated signature', pk, msg, sig: sig.subarray(0, sig.length - 1), want: false, noble: true });
  cases.push({ label: 'signature for another message', pk, msg: flipBit(msg, 0), sig, want: false, noble: true });
  cases.push({ label: 'signature under a modified public key', pk: flipBit(pk, 8 * (pk.length >> 1) + 4), msg, sig, want: false, noble: true });
  const other = alg === 'Falcon-512' ? b.falcon1024 : alg === 'Falcon-1024' ? b.falcon512 : b.falcon1024;
  cases.push({ label: `signature checked as ${other.name}`, pk, msg, sig, want: false, noble: false, via: other });

  let verdicts = '';
  for (const c of cases) {
    const got = (c.via ?? f).verify(c.pk, c.msg, c.sig);
    verdicts += got ? '1' : '0';
    check(got === c.want, `${tag}: ${c.label} ${c.want ? 'rejected' : 'accepted'}`);
    if (noble && c.noble) {
      const n = nobleFalconVerify(noble, c.sig, c.msg, c.pk);
      check(n === got, `${tag}: ${c.label}: noble says ${n}, we say ${got}`);
    }
  }
  return verdicts;
}

async function cmdSelftest(p: Parsed): Promise<number> {
  const names = resolveBackends(p);
  if (names.length === 0) {
    note('selftest FAILED: no backend is available in this runtime');
    return 1;
  }
  const noble = await loadNoble();
  const failures: string[] = [];
  const check = (cond: boolean, what: string) => {
    if (!cond) failures.push(what);
    return cond;
  };
  const ctx = SELFTEST_CTX;
  const msg = SELFTEST_MSG;
  const zeros = new Uint8Array(32);
  type Out = { pk: Uint8Array; sk: Uint8Array; sig: Uint8Array; pre: Map<PrehashName, Uint8Array> };
  const first = new Map<AlgName, { backend: string; out: Out }>();
  const firstFalcon = new Map<FalconAlg, { backend: string; verdicts: string }>();

  // noble's deterministic HashML-DSA signatures, computed once per parameter set.
  const nobleRef = new Map<AlgName, { pk: Uint8Array; sk: Uint8Array; sig: Uint8Array; pre: Map<PrehashName, Uint8Array> }>();
  if (noble) {
    for (const alg of ALGS) {
      const n = noble.algs[alg];
      const { publicKey, secretKey } = n.keygen(SELFTEST_SEED);
      const sig = n.sign(msg, secretKey, { context: ctx, extraEntropy: false });
      const pre = new Map<PrehashName, Uint8Array>();
      for (const h of PREHASHES) pre.set(h, n.internal.sign(prehashMessage(h, msg, ctx), secretKey, { extraEntropy: false }));
      nobleRef.set(alg, { pk: publicKey, sk: secretKey, sig, pre });
    }
  }

  for (const name of names) {
    let b: Backend;
    try {
      b = await loadBackend(name);
    } catch (e) {
      check(false, `${name}: loadBackend failed: ${(e as Error).message}`);
      continue;
    }
    check(b.name === name, `${name}: loadBackend returned backend '${b.name}'`);
    for (const alg of ALGS) {
      const tag = `${name} ${alg}`;
      const before = failures.length;
      try {
        const m = schemeOf(b, alg);
        check(m.name === alg, `${tag}: scheme name is '${m.name}'`);
        const { publicKey: pk, secretKey: sk } = m.keygen(SELFTEST_SEED);
        check(pk.length === m.lengths.publicKey && sk.length === m.lengths.secretKey, `${tag}: key lengths ${pk.length}/${sk.length} differ from lengths`);
        check(sha256hex(pk) === KAT[alg].pk, `${tag}: public key differs from the known answer`);
        check(sha256hex(sk) === KAT[alg].sk, `${tag}: secret key differs from the known answer`);
        const sig = m.sign(sk, msg, { context: ctx, deterministic: true });
        check(sig.length === m.lengths.signature, `${tag}: signature length ${sig.length} != ${m.lengths.signature}`);
        check(sha256hex(sig) === KAT[alg].sig, `${tag}: deterministic signature differs from the known answer`);
        check(equalBytes(m.sign(sk, msg, { context: ctx, random: zeros }), sig), `${tag}: random = 0^32 differs from deterministic`);
        check(m.verify(pk, msg, sig, { context: ctx }) === true, `${tag}: valid signature rejected`);
        check(m.verify(pk, msg, sig) === false, `${tag}: signature accepted without its context`);
        const msg2 = msg.slice();
        msg2[0]! ^= 1;
        check(m.verify(pk, msg2, sig, { context: ctx }) === false, `${tag}: signature accepted for another message`);
        for (const bit of [0, 8 * 32 + 3, 4 * sig.length - 1, 8 * sig.length - 1]) {
          const bad = sig.slice();
          bad[bit >> 3]! ^= 1 << (bit & 7);
          check(m.verify(pk, msg, bad, { context: ctx }) === false, `${tag}: signature with bit ${bit} flipped accepted`);
        }
        const badPk = pk.slice();
        badPk[pk.length >> 1]! ^= 0x10;
        check(m.verify(badPk, msg, sig, { context: ctx }) === false, `${tag}: signature accepted under a modified public key`);
        const hedged1 = m.sign(sk, msg, { context: ctx });
        const hedged2 = m.sign(sk, msg, { context: ctx });
        check(m.verify(pk, msg, hedged1, { context: ctx }) && m.verify(pk, msg, hedged2, { context: ctx }), `${tag}: hedged signature rejected`);
        check(!equalBytes(hedged1, hedged2), `${tag}: two hedged signatures are identical (no randomness?)`);
        const pre = new Map<PrehashName, Uint8Array>();
        for (const h of PREHASHES) {
          const ph = m.prehash(h);
          const s = ph.sign(sk, msg, { context: ctx, deterministic: true });
          pre.set(h, s);
          check(ph.verify(pk, msg, s, { context: ctx }), `${tag}: HashML-DSA ${h} signature rejected`);
          check(!m.verify(pk, msg, s, { context: ctx }), `${tag}: HashML-DSA ${h} signature accepted as pure ML-DSA`);
        }
        check(sha256hex(pre.get('SHA2-512')!) === KAT[alg].preSha512, `${tag}: HashML-DSA SHA2-512 signature differs from the known answer`);

        const out: Out = { pk, sk, sig, pre };
        const ref = first.get(alg);
        if (!ref) first.set(alg, { backend: name, out });
        else {
          check(equalBytes(out.pk, ref.out.pk) && equalBytes(out.sk, ref.out.sk), `${tag}: keys differ from ${ref.backend}`);
          check(equalBytes(out.sig, ref.out.sig), `${tag}: signature differs from ${ref.backend}`);
          for (const h of PREHASHES) check(equalBytes(out.pre.get(h)!, ref.out.pre.get(h)!), `${tag}: HashML-DSA ${h} signature differs from ${ref.backend}`);
        }

        const nr = nobleRef.get(alg);
        if (noble && nr) {
          const n = noble.algs[alg];
          check(equalBytes(pk, nr.pk) && equalBytes(sk, nr.sk), `${tag}: keys differ from noble`);
          check(equalBytes(sig, nr.sig), `${tag}: deterministic signature differs from noble`);
          check(n.verify(sig, msg, pk, { context: ctx }), `${tag}: noble rejects our signature`);
          check(n.verify(hedged1, msg, pk, { context: ctx }), `${tag}: noble rejects our hedged signature`);
          check(m.verify(pk, msg, nr.sig, { context: ctx }), `${tag}: we reject noble's signature`);
          for (const h of PREHASHES) {
            check(equalBytes(pre.get(h)!, nr.pre.get(h)!), `${tag}: HashML-DSA ${h} signature differs from noble`);
          }
        }
      } catch (e) {
        check(false, `${tag}: threw ${(e as Error).stack ?? String(e)}`);
      }
      log(`${failures.length === before ? 'ok  ' : 'FAIL'}  ${name.padEnd(11)}  ${alg}`);
    }
    for (const alg of FALCON_ALGS) {
      const tag = `${name} ${alg}`;
      const before = failures.length;
      try {
        const verdicts = falconSelftest(b, alg, tag, check, noble?.falcon?.[alg]);
        const ref = firstFalcon.get(alg);
        if (!ref) firstFalcon.set(alg, { backend: name, verdicts });
        else check(verdicts === ref.verdicts, `${tag}: verdicts ${verdicts} differ from ${ref.backend} (${ref.verdicts})`);
      } catch (e) {
        check(false, `${tag}: threw ${(e as Error).stack ?? String(e)}`);
      }
      log(`${failures.length === before ? 'ok  ' : 'FAIL'}  ${name.padEnd(11)}  ${alg}`);
    }
    const k = kernelsOf(b);
    if (k) {
      try {
        k.nttLoop(1);
        k.invnttLoop(1);
      } catch (e) {
        check(false, `${name}: NTT kernel threw ${(e as Error).message}`);
      }
    } else {
      note(`note: backend ${name} exposes no NTT kernels`);
    }
  }

  if (failures.length) {
    note(`\nselftest FAILED (${failures.length} problem${failures.length > 1 ? 's' : ''}):`);
    for (const f of failures) note(`  - ${f}`);
    return 1;
  }
  log(
    `selftest passed: ${names.join(', ')} × ML-DSA-44/65/87 and Falcon-512/1024/Det1024 verify — known answers, tamper rejection, 12 pre-hashes, ` +
      (names.length > 1 ? 'backends byte-identical, ' : '') +
      (noble ? `matches @noble/post-quantum ${noble.version}` : '@noble/post-quantum not installed: noble cross-check skipped') +
      (noble && !noble.falcon ? ' (its Falcon not importable: Falcon cross-check skipped)' : ''),
  );
  return 0;
}

// ---------------------------------------------------------------------------------------------
// bench

interface Measure {
  median: number;
  runs: number[];
  /** Median hardware ticks per operation (rdtsc on x86-64), when the addon's counter is there. */
  ticks?: number;
  ticksRuns?: number[];
}

/** The cycle-accurate timer: the addon's rdtsc (x86-64) or cntvct_el0 (AArch64). */
const TICKS = tickCounter();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** ops/s of `fn`: warm-up, then `runs` runs of about `seconds` (and at least 5 calls) each, median. */
function measureOps(fn: () => void, runs: number, seconds: number): Measure {
  const ms = seconds * 1000;
  const warm = performance.now() + Math.max(ms / 2, 50);
  do fn(); while (performance.now() < warm);
  const rates: number[] = [];
  const ticks: number[] = [];
  for (let r = 0; r < runs; r++) {
    let n = 0;
    const c0 = TICKS?.read();
    const t0 = performance.now();
    let t: number;
    do {
      fn();
      n++;
      t = performance.now();
    } while (t - t0 < ms || n < 5);
    const c1 = TICKS?.read();
    rates.push((n * 1000) / (t - t0));
    if (c0 !== undefined && c1 !== undefined) ticks.push(Number(c1 - c0) / n);
  }
  return { median: median(rates), runs: rates, ...(ticks.length ? { ticks: median(ticks), ticksRuns: ticks } : {}) };
}

/** measureOps for several implementations, their runs interleaved (run 1 of each, run 2 of each, ...). */
function measureInterleaved(fns: ReadonlyMap<string, () => void>, runs: number, seconds: number): Map<string, Measure> {
  const rates = new Map<string, number[]>();
  for (const [name, fn] of fns) {
    measureOps(fn, 1, seconds / 2); // warm-up
    rates.set(name, []);
  }
  const ticks = new Map<string, number[]>([...fns.keys()].map((k) => [k, []]));
  for (let r = 0; r < runs; r++) {
    for (const [name, fn] of fns) {
      const m = measureOps(fn, 1, seconds);
      rates.get(name)!.push(m.median);
      if (m.ticks !== undefined) ticks.get(name)!.push(m.ticks);
    }
  }
  return new Map(
    [...rates].map(([name, xs]) => {
      const ts = ticks.get(name)!;
      return [name, { median: median(xs), runs: xs, ...(ts.length ? { ticks: median(ts), ticksRuns: ts } : {}) }];
    }),
  );
}

/** Ticks per second of the addon's counter, measured against performance.now() over ~100 ms. */
function ticksPerSecond(): number | null {
  if (!TICKS) return null;
  const c0 = TICKS.read();
  const t0 = performance.now();
  let t: number;
  do t = performance.now(); while (t - t0 < 100);
  return (Number(TICKS.read() - c0) * 1000) / (t - t0);
}

/** Median ticks per operation for the backends (not noble: it has no counter of its own, but
 *  the same clock applies), one column per implementation. */
function renderTicksTable(rows: Row[], impls: string[], source: string): string {
  const rowsWith = rows.filter((r) => [...r.cells.values()].some((m) => m.ticks !== undefined));
  if (!rowsWith.length) return '';
  const header = [`Operation (median ${source} ticks)`, ...impls.map((i) => (i === 'noble' ? 'noble (pure JS)' : i))];
  const body = rowsWith.map((r) => [r.label, ...impls.map((i) => {
    const t = r.cells.get(i)?.ticks;
    return t === undefined ? '—' : t >= 100 ? Math.round(t).toLocaleString('en-US') : t.toFixed(1);
  })]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((b) => b[c]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join(' | ') + ' |';
  const sep = '| ' + widths.map((w, c) => (c === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ') + ' |';
  return [line(header), sep, ...body.map(line)].join('\n');
}

/** Iterations/s of a batched kernel `loop(n)`, calibrated so one call lasts about `seconds`. */
function measureLoop(loop: (n: number) => void, runs: number, seconds: number): Measure {
  let n = 16;
  for (;;) {
    const t0 = performance.now();
    loop(n);
    const dt = performance.now() - t0;
    if (dt >= 20 || n >= 2 ** 30) {
      n = Math.max(1, Math.min(2 ** 31 - 1, Math.round((n * seconds * 1000) / Math.max(dt, 1e-3))));
      break;
    }
    n *= 4;
  }
  loop(Math.max(1, n >> 1)); // warm-up
  const rates: number[] = [];
  const ticks: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = TICKS?.read();
    const t0 = performance.now();
    loop(n);
    rates.push((n * 1000) / (performance.now() - t0));
    const c1 = TICKS?.read();
    if (c0 !== undefined && c1 !== undefined) ticks.push(Number(c1 - c0) / n);
  }
  return { median: median(rates), runs: rates, ...(ticks.length ? { ticks: median(ticks), ticksRuns: ticks } : {}) };
}

interface Machine {
  cpu: string;
  logicalCpus: number;
  platform: string;
  arch: string;
  node: string;
  memoryGiB: number;
}

function machineInfo(): Machine {
  let cpu = '';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1]!.trim();
  } catch {
    /* not Linux */
  }
  const list = cpus();
  if (!cpu) cpu = list[0]?.model?.trim() || 'unknown CPU';
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : list.length;
  return {
    cpu,
    logicalCpus: n,
    platform: platform(),
    arch: arch(),
    node: process.version,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  };
}

function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.logicalCpus} logical CPU${m.logicalCpus === 1 ? '' : 's'}, ${m.memoryGiB} GiB, ${m.platform} ${m.arch}, Node ${m.node}`;
}

function fmtRate(x: number): string {
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)} M`;
  if (x >= 100) return Math.round(x).toLocaleString('en-US');
  return x.toFixed(1);
}

function fmtRatio(x: number): string {
  return x >= 100 ? `${x.toFixed(0)}x` : x >= 10 ? `${x.toFixed(1)}x` : `${x.toFixed(2)}x`;
}

interface Row {
  label: string;
  alg: AnyAlg | null;
  op: string;
  unit: string;
  cells: Map<string, Measure>;
}

function renderTable(rows: Row[], impls: string[], hasNoble: boolean): string {
  const header = ['Operation', ...impls.map((i) => (i === 'noble' ? 'noble (pure JS)' : i))];
  const body = rows.map((r) => {
    const base = r.cells.get('noble')?.median;
    return [
      r.label,
      ...impls.map((i) => {
        const m = r.cells.get(i);
        if (!m) return '—';
        const ratio = hasNoble && i !== 'noble' && base ? ` (${fmtRatio(m.median / base)})` : '';
        return `${fmtRate(m.median)} ${r.unit}${ratio}`;
      }),
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((b) => b[c]!.length)));
  const line = (cells: string[]) =>
    '| ' + cells.map((s, c) => (c === 0 ? s.padEnd(widths[c]!) : s.padStart(widths[c]!))).join(' | ') + ' |';
  const sep = '| ' + widths.map((w, c) => (c === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ') + ' |';
  return [line(header), sep, ...body.map(line)].join('\n');
}

/** Fixed noble keygen seed and signing randomness, so every bench run verifies the same signature. */
const FALCON_BENCH_SEED = Uint8Array.from({ length: 48 }, (_, i) => 0xf0 ^ i);
const FALCON_BENCH_RND = Uint8Array.from({ length: 48 }, (_, i) => 0x5a ^ i);

/**
 * Falcon verify on every backend and noble, runs interleaved. noble makes the key pair and one
 * compressed signature of `msg` at setup (not measured); without noble (or for det1024, which noble
 * lacks) the embedded known-answer signature is verified instead.
 */
function benchFalcon(alg: FalconAlg, backends: Backend[], noble: Noble | null, msg: Uint8Array, runs: number, seconds: number, progress: (s: string) => void): Row[] {
  const row: Row = { label: `${alg} verify`, alg, op: 'verify', unit: 'ops/s', cells: new Map() };
  const rowP: Row = { label: `${alg} verify, prepared key`, alg, op: 'verify-prepared', unit: 'ops/s', cells: new Map() };
  const n = noble?.falcon?.[alg];
  let pk: Uint8Array;
  let m: Uint8Array;
  let sig: Uint8Array;
  if (n) {
    progress(`${alg}: noble keygen + sign`);
    const kp = n.keygen(FALCON_BENCH_SEED);
    pk = kp.publicKey;
    m = msg;
    sig = n.sign(m, kp.secretKey, { extraEntropy: FALCON_BENCH_RND });
    if (!n.verify(sig, m, pk)) throw new InputError(`noble ${alg}: own signature does not verify`);
  } else {
    const kat = FALCON_KAT[alg];
    pk = fromB64(kat.pk);
    m = new Uint8Array(Buffer.from(kat.msg, 'hex'));
    sig = fromB64(kat.sig);
    note(`note: ${alg} verify is measured on the embedded known-answer signature (${m.length}-byte message)`);
  }
  const ops = new Map<string, () => void>();
  for (const b of backends) {
    const f = falconOf(b, alg);
    if (!f.verify(pk, m, sig)) throw new InputError(`${b.name} ${alg}: a valid signature does not verify; run 'pqsimd selftest'`);
    ops.set(b.name, () => void f.verify(pk, m, sig));
  }
  if (n) ops.set('noble', () => void n.verify(sig, m, pk));
  progress(`${alg} verify`);
  for (const [impl, r] of measureInterleaved(ops, runs, seconds)) row.cells.set(impl, r);
  const prepOps = new Map<string, () => void>();
  for (const b of backends) {
    const vk = falconOf(b, alg).prepare(pk);
    if (!vk.verify(m, sig)) throw new InputError(`${b.name} ${alg}: prepared key rejects a valid signature`);
    prepOps.set(b.name, () => void vk.verify(m, sig));
  }
  progress(`${alg} verify, prepared key`);
  for (const [impl, r] of measureInterleaved(prepOps, runs, seconds)) rowP.cells.set(impl, r);
  return [row, rowP];
}

async function cmdBench(p: Parsed, argv: readonly string[]): Promise<number> {
  const algs = parseAlgList(p.values.get('alg'));
  const names = resolveBackends(p);
  const runs = parsePositiveNumber(p, 'runs', 5, true);
  const seconds = parsePositiveNumber(p, 'seconds', 0.2, false);
  const mdPath = p.values.get('out');
  const jsonPath = p.values.get('json');
  const noble = p.flags.has('no-noble') ? null : await loadNoble();
  if (!noble && !p.flags.has('no-noble')) note('note: @noble/post-quantum cannot be imported: no pure-JS column');
  const withNtt = !p.flags.has('no-ntt');
  const machine = machineInfo();
  const date = new Date().toISOString();
  const command = ['pqsimd', 'bench', ...argv].join(' ');
  const msgLen = 64;
  const msg = Uint8Array.from({ length: msgLen }, (_, i) => (i * 131 + 7) & 0xff);

  const backends: Backend[] = [];
  for (const n of names) backends.push(await loadBackend(n));
  const impls = [...names as string[], ...(noble ? ['noble'] : [])];

  log(`pqsimd bench: ${machineLine(machine)}`);
  log(`median of ${runs} run${runs > 1 ? 's' : ''} × ${seconds} s after a warm-up; ${msgLen}-byte message, hedged signing${noble ? `; ratios vs @noble/post-quantum ${noble.version}` : ''}`);
  log('');

  const rows: Row[] = [];
  const progress = (s: string) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${s}`);
  };
  for (const alg of algs) {
    if (isFalcon(alg)) {
      rows.push(...benchFalcon(alg, backends, noble, msg, runs, seconds, progress));
      continue;
    }
    const rowK: Row = { label: `${alg} keygen`, alg, op: 'keygen', unit: 'ops/s', cells: new Map() };
    const rowS: Row = { label: `${alg} sign`, alg, op: 'sign', unit: 'ops/s', cells: new Map() };
    const rowV: Row = { label: `${alg} verify`, alg, op: 'verify', unit: 'ops/s', cells: new Map() };
    const rowP: Row = { label: `${alg} verify, prepared key`, alg, op: 'verify-prepared', unit: 'ops/s', cells: new Map() };
    // One closure per implementation and operation; the runs are interleaved
    // across implementations so a slow patch of the machine hits all alike.
    const ops: Record<'keygen' | 'sign' | 'verify' | 'prepared', Map<string, () => void>> = { keygen: new Map(), sign: new Map(), verify: new Map(), prepared: new Map() };
    for (const b of backends) {
      const m = schemeOf(b, alg);
      const { publicKey, secretKey } = m.keygen();
      const sig = m.sign(secretKey, msg);
      if (!m.verify(publicKey, msg, sig)) throw new InputError(`${b.name} ${alg}: own signature does not verify; run 'pqsimd selftest'`);
      ops.keygen.set(b.name, () => void m.keygen());
      ops.sign.set(b.name, () => void m.sign(secretKey, msg));
      ops.verify.set(b.name, () => void m.verify(publicKey, msg, sig));
      const vk = m.prepare(publicKey);
      ops.prepared.set(b.name, () => void vk.verify(msg, sig));
    }
    if (noble) {
      const n = noble.algs[alg];
      const { publicKey, secretKey } = n.keygen();
      const sig = n.sign(msg, secretKey);
      if (!n.verify(sig, msg, publicKey)) throw new InputError(`noble ${alg}: own signature does not verify`);
      ops.keygen.set('noble', () => void n.keygen());
      ops.sign.set('noble', () => void n.sign(msg, secretKey));
      ops.verify.set('noble', () => void n.verify(sig, msg, publicKey));
    }
    for (const [op, row] of [['keygen', rowK], ['sign', rowS], ['verify', rowV], ['prepared', rowP]] as const) {
      progress(`${alg} ${op}`);
      for (const [impl, m] of measureInterleaved(ops[op], runs, seconds)) row.cells.set(impl, m);
    }
    rows.push(rowK, rowS, rowV, rowP);
  }
  if (withNtt) {
    const rowN: Row = { label: 'NTT (256 coeffs)', alg: null, op: 'ntt', unit: '/s', cells: new Map() };
    const rowI: Row = { label: 'inverse NTT', alg: null, op: 'invntt', unit: '/s', cells: new Map() };
    for (const b of backends) {
      const k = kernelsOf(b);
      if (!k) {
        note(`note: backend ${b.name} exposes no NTT kernels`);
        continue;
      }
      progress(`${b.name} NTT`);
      rowN.cells.set(b.name, measureLoop((n) => k.nttLoop(n), runs, seconds));
      progress(`${b.name} inverse NTT`);
      rowI.cells.set(b.name, measureLoop((n) => k.invnttLoop(n), runs, seconds));
    }
    if (noble?.ntt) {
      const ntt = noble.ntt;
      const poly = Int32Array.from({ length: 256 }, (_, i) => (i * 7919) % 8380417);
      progress('noble NTT');
      rowN.cells.set('noble', measureLoop((n) => { for (let i = 0; i < n; i++) ntt.encode(poly); }, runs, seconds));
      progress('noble inverse NTT');
      rowI.cells.set('noble', measureLoop((n) => { for (let i = 0; i < n; i++) ntt.decode(poly); }, runs, seconds));
    }
    if (rowN.cells.size) rows.push(rowN, rowI);
  }
  // Per-kernel timings (ns per call) per backend: where the time goes.
  const kernelRows: { name: KernelName; cells: Map<string, number> }[] = [];
  if (!p.flags.has('no-kernels')) {
    for (const name of KERNEL_NAMES) {
      const cells = new Map<string, number>();
      for (const b of backends) {
        const k = kernelsOf(b);
        if (!k?.run) continue;
        progress(`${b.name} ${name}`);
        cells.set(b.name, 1e9 / measureLoop((n) => k.run!(name, n), runs, seconds / 2).median);
      }
      if (cells.size) kernelRows.push({ name, cells });
    }
  }
  progress('');

  const table = renderTable(rows, impls, !!noble);
  log(table);
  log('');
  const tps = ticksPerSecond();
  const ticksTable = TICKS ? renderTicksTable(rows, impls, TICKS.source) : '';
  const ticksNote = TICKS && tps ? `Cycle-accurate timer: the addon's \`${TICKS.source}\` counter at ${(tps / 1e9).toFixed(3)} GHz (measured against performance.now()); ticks per operation include the JS call and, for native backends, the N-API crossing.` : '';
  if (ticksTable) {
    log(ticksTable);
    log(ticksNote);
    log('');
  }
  let kernelTable = '';
  if (kernelRows.length) {
    const head = ['Kernel (ns per call)', ...names];
    const body = kernelRows.map((r) => [r.name, ...names.map((n) => (r.cells.has(n) ? r.cells.get(n)!.toFixed(r.cells.get(n)! < 100 ? 1 : 0) : '-'))]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
    const line = (cells: string[]) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
    kernelTable = [line(head), '| ' + widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ') + ' |', ...body.map(line)].join('\n');
    log(kernelTable);
    log('');
  }
  log(`date: ${date}`);

  if (mdPath) {
    const md = [
      '# pqsimd benchmarks',
      '',
      `Operations per second, median of ${runs} runs of ~${seconds} s each after a warm-up. ` +
        `Sign is hedged (random \`rnd\`) over a ${msgLen}-byte message; verify checks one valid signature. ` +
        (algs.some(isFalcon) ? 'Falcon: verify only, of one compressed signature made by noble at setup (keygen and sign are not benchmarked). ' : '') +
        (noble ? `Ratios in parentheses are relative to [@noble/post-quantum](https://github.com/paulmillr/noble-post-quantum) ${noble.version} (pure JavaScript) on the same machine. ` : '') +
        (withNtt ? 'NTT rows are single ML-DSA polynomial transforms per second (noble: its internal NTT).' : ''),
      '',
      table,
      '',
      ...(ticksTable ? [ticksTable, '', ticksNote, ''] : []),
      ...(kernelTable ? ['Kernels, nanoseconds per call (median; each call runs the kernel once on fixed data inside the backend):', '', kernelTable, ''] : []),
      `- Machine: ${machineLine(machine)}`,
      `- Backends available: ${availableBackends().join(', ')}`,
      `- Date: ${date}`,
      `- Command: \`${command}\``,
      '',
    ].join('\n');
    writeOutput(mdPath, 'Markdown report', new TextEncoder().encode(md), 'raw');
    note(`wrote ${mdPath}`);
  }
  if (jsonPath) {
    const results = rows.flatMap((r) =>
      [...r.cells].map(([impl, m]) => {
        const base = r.cells.get('noble')?.median;
        return {
          alg: r.alg,
          op: r.op,
          impl,
          unit: r.op === 'ntt' || r.op === 'invntt' ? 'transforms/s' : 'ops/s',
          median: m.median,
          runs: m.runs,
          ...(m.ticks !== undefined ? { ticksPerOp: m.ticks, ticksRuns: m.ticksRuns } : {}),
          vsNoble: impl !== 'noble' && base ? m.median / base : null,
        };
      }),
    );
    const json = {
      tool: 'pqsimd bench',
      date,
      command,
      machine,
      timer: TICKS ? { source: TICKS.source, ticksPerSecond: tps } : { source: 'performance.now' },
      config: {
        runs, secondsPerRun: seconds, messageBytes: msgLen, signing: 'hedged',
        ...(algs.some(isFalcon) ? { falcon: 'verify only: one compressed signature made by noble at setup (or the embedded known-answer signature without noble)' } : {}),
      },
      backends: names,
      noble: noble ? { package: '@noble/post-quantum', version: noble.version } : null,
      results,
      kernels: kernelRows.map((r) => ({ kernel: r.name, nsPerCall: Object.fromEntries(r.cells) })),
    };
    writeOutput(jsonPath, 'JSON report', new TextEncoder().encode(JSON.stringify(json, null, 2) + '\n'), 'raw');
    note(`wrote ${jsonPath}`);
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// main

const SPECS: Record<string, OptSpec> = {
  keygen: { values: ['alg', 'seed', 'seed-file', 'pk', 'sk', 'format', 'backend'], flags: [] },
  sign: { values: ['alg', 'sk', 'in', 'out', 'context', 'format', 'prehash', 'backend'], flags: ['deterministic'] },
  verify: { values: ['alg', 'pk', 'in', 'sig', 'context', 'prehash', 'backend'], flags: [] },
  selftest: { values: ['backend'], flags: [] },
  bench: { values: ['alg', 'backend', 'runs', 'seconds', 'out', 'json'], flags: ['no-noble', 'no-ntt', 'no-kernels'] },
};

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    const topic = cmd === 'help' ? rest[0] : undefined;
    log(topic && HELP[topic] ? HELP[topic] : HELP_MAIN);
    return cmd === undefined ? 2 : 0;
  }
  if (cmd === '--version' || cmd === '-v') {
    log(packageVersion());
    return 0;
  }
  const spec = SPECS[cmd];
  if (!spec) {
    note(`pqsimd: unknown command '${cmd}'\n\n${HELP_MAIN}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    log(HELP[cmd]!);
    return 0;
  }
  try {
    const p = parseArgs(cmd, rest, spec);
    switch (cmd) {
      case 'keygen': return await cmdKeygen(p);
      case 'sign': return await cmdSign(p);
      case 'verify': return await cmdVerify(p);
      case 'selftest': return await cmdSelftest(p);
      case 'bench': return await cmdBench(p, rest);
    }
    return 2;
  } catch (e) {
    if (e instanceof UsageError) {
      note(`pqsimd ${cmd}: ${e.message}\nRun 'pqsimd ${cmd} --help' for usage.`);
      return 2;
    }
    if (e instanceof InputError || e instanceof RangeError || e instanceof TypeError) {
      note(`pqsimd ${cmd}: error: ${e.message}`);
      return 2;
    }
    note(`pqsimd ${cmd}: unexpected error: ${(e as Error)?.stack ?? String(e)}`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    note(`pqsimd: ${(e as Error)?.stack ?? String(e)}`);
    process.exitCode = 2;
  },
);
