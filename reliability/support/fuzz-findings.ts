/**
 * What the fuzz test's answers showed: statuses by operation and mode, and every answer that
 * breaks a rule — a 5xx or no answer at all, a 4xx outside the error shape, a 2xx for a request
 * the contract forbids. Server errors are also grouped by operation and field.
 */
import { errorShapeProblem } from './error-shape';
import { describeRequest, type FuzzRequest } from './fuzz-requests';
import type { HttpResponse } from './http-client';
import { entry, tally } from './stats';

export /** What the answers showed: statuses, and every answer that breaks a rule. */
class Findings {
  requests = 0;
  readonly statuses: Record<string, number> = {};
  readonly byMode: Record<string, number> = {};
  readonly perOperation: Record<string, Record<string, number>> = {};
  readonly serverErrors: string[] = [];
  /** Operation and field of each 5xx or unanswered request, with its first example. */
  readonly serverErrorPlaces = new Map<string, string>();
  readonly badShapes: string[] = [];
  readonly acceptedInvalid: string[] = [];

  record(request: FuzzRequest, res: HttpResponse | Error): void {
    this.requests++;
    tally(this.byMode, request.mode);
    if (res instanceof Error) {
      this.serverError(request, `no answer: ${res.message}`);
      return;
    }
    tally(this.statuses, String(res.status));
    tally(
      entry(this.perOperation, request.operation.label, () => ({})),
      `${Math.floor(res.status / 100)}xx`,
    );
    if (res.status >= 500) this.serverError(request, `${res.status} ${res.text.slice(0, 300)}`);
    const problem = res.status >= 400 && res.status < 500 ? errorShapeProblem(res) : null;
    if (problem) this.badShapes.push(`${describeRequest(request)} → ${res.status}: ${problem}`);
    if (res.status < 300 && request.mustReject) {
      this.acceptedInvalid.push(
        `${describeRequest(request)} → ${res.status} ${res.text.slice(0, 200)}`,
      );
    }
  }

  private serverError(request: FuzzRequest, what: string): void {
    const example = `${describeRequest(request)} → ${what}`;
    this.serverErrors.push(example);
    const place = placeOf(request);
    if (!this.serverErrorPlaces.has(place)) this.serverErrorPlaces.set(place, example);
  }
}

function placeOf(request: FuzzRequest): string {
  const at = / at (\S+)/.exec(request.label)?.[1];
  return `${request.operation.label}${at ? ` ${at}` : ` (${request.mode})`}`;
}
