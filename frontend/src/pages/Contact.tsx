import { getConfig } from "../api";
import { useAsync } from "../components/useAsync";

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The operator's contact as written: an email address or a web address becomes a link. */
function ContactValue({ contact }: { contact: string }) {
  if (EMAIL.test(contact)) return <a href={`mailto:${contact}`}>{contact}</a>;
  if (/^https?:\/\/\S+$/i.test(contact)) return <a href={contact}>{contact}</a>;
  return <strong>{contact}</strong>;
}

/** How to reach whoever runs this StreamMaxing instance, from /api/config. */
export function OperatorContact() {
  const config = useAsync((signal) => getConfig(signal), []);
  if (config.status === "loading") return <p>Loading the operator's contact…</p>;
  const contact = config.status === "ready" ? config.data.operator_contact?.trim() : null;
  if (!contact) {
    return (
      <p>
        The operator has not published a contact on this page. To reach them, open StreamMaxing's profile in
        Discord (click the bot's name in any server, or find it in Discord's App Directory) and use the links and
        the developer shown there.
      </p>
    );
  }
  return (
    <p>
      Contact the operator at <ContactValue contact={contact} />.
    </p>
  );
}
