import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A client certificate credential in the form MSAL's `clientCertificate` option takes. */
export interface CertificateCredential {
  /** SHA-256 thumbprint of the DER certificate, hex without separators, as Entra's `x5t#S256` expects. */
  thumbprintSha256: string;
  /** The private key as unencrypted PKCS#8 PEM. */
  privateKeyPem: string;
  /** The certificate's subject, for messages. */
  subject: string;
  notAfter: string;
}

export class CertificateFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateFileError';
  }
}

/** Reads a PEM file that contains the certificate and its private key, as uploaded to the app registration. */
export function loadCertificateFile(path: string): CertificateCredential {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CertificateFileError(`Cannot read the certificate file ${path}: ${(error as Error).message}. Pass the path of a PEM file that holds the certificate and its private key.`);
  }
  return parseCertificatePem(text, path);
}

/** Parses PEM text holding one certificate and one unencrypted private key; `source` names the file in errors. */
export function parseCertificatePem(text: string, source: string): CertificateCredential {
  const certificateBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text)?.[0];
  if (!certificateBlock) {
    throw new CertificateFileError(`The certificate file ${source} contains no "BEGIN CERTIFICATE" block. Put the certificate and its private key in one PEM file.`);
  }
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(text)) {
    throw new CertificateFileError(`The private key in ${source} is encrypted. Export it without a passphrase (for example: openssl pkey -in key.pem -out plain.pem) and keep the file readable only by you.`);
  }
  const keyBlock = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(text)?.[0];
  if (!keyBlock) {
    throw new CertificateFileError(`The certificate file ${source} contains no private key. Append the certificate's private key (PEM) to the file.`);
  }

  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificateBlock);
  } catch (error) {
    throw new CertificateFileError(`The certificate in ${source} is not a valid X.509 certificate: ${(error as Error).message}.`);
  }

  let privateKeyPem: string;
  try {
    const key = createPrivateKey(keyBlock);
    if (!certificate.checkPrivateKey(key)) {
      throw new CertificateFileError(`The private key in ${source} does not belong to its certificate (${certificate.subject}). Put the matching key in the file.`);
    }
    privateKeyPem = key.export({ type: 'pkcs8', format: 'pem' }).toString();
  } catch (error) {
    if (error instanceof CertificateFileError) throw error;
    throw new CertificateFileError(`The private key in ${source} cannot be read: ${(error as Error).message}.`);
  }

  return {
    thumbprintSha256: certificate.fingerprint256.replace(/:/g, '').toLowerCase(),
    privateKeyPem,
    subject: certificate.subject,
    notAfter: new Date(certificate.validTo).toISOString()
  };
}
