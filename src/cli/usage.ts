export const usage = `Usage: node bin/support-hours.js statement --plan <plan.json> --links <links.json> --worklogs <worklogs.json>
                                   --period <YYYY-MM> [--as-of <timestamp>] [--format json|csv|text]
                                   [--closed <closed.json>]
       node bin/support-hours.js advise --plan <plan.json> --links <links.json> --worklogs <worklogs.json>
                                 --candidates <candidates.json> [--periods <N>] [--as-of <timestamp>]
                                 [--format json|text] [--closed <closed.json>]
       node bin/support-hours.js --help

statement: computes the statement of one plan for one billing period from Jira worklogs.
advise:    replays the plan's last N complete periods under alternative terms (plan-fit advice) and compares
           what each would have cost with what the statements charged.
Run it in the repository after npm install. To call it as "support-hours" from anywhere, run "npm link"
in the repository once; "npx support-hours" works only inside it (outside, npx looks on the npm registry).

  --plan       the plan file (see schemas/plan.schema.json)
  --links      issue links: which issues go to the plan and how they are billed (schemas/links.schema.json)
  --worklogs   Jira worklogs: a PageOfWorklogs, an array of them, or a plain array (schemas/worklogs.schema.json)
  --period     the billing period, named by the month it starts in, e.g. 2026-10
  --as-of      the instant of the forecast, e.g. 2026-10-20T12:00:00Z (without it: no forecast)
  --format     json (default), csv (one row per worklog, then the charges and the total) or text
  --closed     the plan's closed periods: a JSON array of their frozen statements, each as --format json
               printed it; a closed period's statement is then the frozen one, and the first open period
               after closed ones shows their late adjustments (CSV rows record=adjustment)

advise only:
  --candidates the alternative terms (schemas/candidates.schema.json; example: examples/amended/candidates.json)
  --periods    how many of the last complete periods, 1 to 24 (default 12)
  --as-of      periods that ended by this instant are complete (default: now)
  --format     json (default) or text (a side-by-side table and the headline)

Exit codes: 0 statement or advice printed, 1 bad input (message on stderr), 2 bad command line.
`;
