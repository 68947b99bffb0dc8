import type { ZodError, ZodIssue } from 'zod';

/** A validation failure reduced to the field that is wrong and why — what an operator needs. */
export interface FieldError {
  field: string;
  message: string;
}

export function issuePath(issue: ZodIssue): string {
  return issue.path.length
    ? issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : p))
        .join('.')
        .replace(/\.\[/g, '[')
    : '(root)';
}

export function fieldErrors(err: ZodError): FieldError[] {
  return err.issues.map((i) => ({ field: issuePath(i), message: i.message }));
}

export function firstFieldError(err: ZodError): FieldError {
  return fieldErrors(err)[0] ?? { field: '(root)', message: 'invalid' };
}

/** Human sentence for logs and DLQ reasons: `body: Required; source.name: must be ...`. */
export function describeZodError(err: ZodError): string {
  return fieldErrors(err)
    .map((e) => `${e.field}: ${e.message}`)
    .join('; ');
}
