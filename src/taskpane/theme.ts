/**
 * The Fluent theme that matches Office's: Office.context.officeTheme gives the body background of the user's
 * Office theme (Colorful and White are light, Dark Gray and Black are dark).
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeKind = "light" | "dark";

/** Light or dark from a CSS hex colour, by its relative luminance. */
export function themeKindOf(background: string | null | undefined): ThemeKind {
  const m = /^#?([0-9a-f]{6})$/i.exec((background ?? "").trim());
  if (!m) return "light";
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? "dark" : "light";
}

export function fluentTheme(kind: ThemeKind): Theme {
  return kind === "dark" ? webDarkTheme : webLightTheme;
}
