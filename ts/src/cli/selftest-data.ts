/**
 * The selftest's embedded data: known answers of ML-DSA (SHA-256 of keys and signatures from a
 * fixed seed) and Falcon known-answer signatures.
 */
import type { AlgName, FalconAlg } from './algs.js';

/** Known answers (SHA-256 of the outputs), computed with @noble/post-quantum 0.7.1. */
export const SELFTEST_SEED = Uint8Array.from({ length: 32 }, (_, i) => i);
export const SELFTEST_MSG = new TextEncoder().encode('pqsimd selftest message');
export const SELFTEST_CTX = new TextEncoder().encode('pqsimd');
export const KAT: Record<AlgName, { pk: string; sk: string; sig: string; preSha512: string }> = {
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
export const FALCON_KAT: Record<FalconAlg, { msg: string; pk: string; sig: string }> = {
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
