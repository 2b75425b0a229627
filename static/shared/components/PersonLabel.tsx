import type { Person } from '../api/people-names';

/** A person's name with Jira's avatar before it; the avatar is decorative (empty alt), as the name says who it is. */
export function PersonLabel({ person }: { person: Person }) {
  return (
    <span className="sh-person">
      {person.avatarUrl !== null && <img className="sh-avatar" src={person.avatarUrl} alt="" width={20} height={20} />}
      {person.displayName}
    </span>
  );
}
