import { useResolver } from '../../shared/hooks/useResolver';

/** The issue's plan, balance and share, for the issue in this frame's context. */
export function useIssueView() {
  return useResolver('issue/get', {});
}
