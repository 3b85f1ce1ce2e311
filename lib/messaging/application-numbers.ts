/**
 * SQL for the numbers (E.164) of the application whose Bandwidth id is the placeholder `param` (the
 * id in the webhook's URL): the only numbers that application's callbacks may speak for.
 */
export function applicationNumbersSql(param: string): string {
  return `SELECT p.e164 FROM phone_numbers p JOIN bandwidth_applications a ON a.id = p.application_id WHERE a.application_id = ${param}`;
}

export const NOT_THIS_APPLICATIONS = "is not a number of this application";
