import { type ReactNode, useEffect } from "react";
import logo from "../assets/logo.svg";

/** Sets the tab title: "Page · StreamMaxing". */
export function useDocumentTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} · StreamMaxing` : "StreamMaxing";
  }, [title]);
}

const NAV: [string, string][] = [["/editor", "Try the editor"]];

interface Props {
  children: ReactNode;
  /** The editor uses the full width. */
  wide?: boolean;
}

export function Layout({ children, wide }: Props) {
  const here = window.location.pathname;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className={wide ? "container container-wide header-inner" : "container header-inner"}>
          <a className="brand" href="/">
            <img src={logo} alt="" width="28" height="28" />
            <span>StreamMaxing</span>
          </a>
          <nav aria-label="Main">
            <ul className="nav-list">
              {NAV.map(([href, label]) => (
                <li key={href}>
                  <a href={href} aria-current={here === href ? "page" : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className={wide ? "container container-wide" : "container"}>
        {children}
      </main>
      <footer className="site-footer">
        <div className={wide ? "container container-wide footer-inner" : "container footer-inner"}>
          <p>StreamMaxing: Twitch go-live alerts for Discord.</p>
          <p className="footer-links">
            <a href="/editor">Try the template editor playground</a>
            <a href="/privacy">Privacy</a>
            <a href="/terms">Terms</a>
          </p>
        </div>
      </footer>
    </>
  );
}
