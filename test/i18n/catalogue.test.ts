/**
 * The window's words come from one catalogue per language. This fails when a string is missing
 * from a catalogue, when a translation drops or invents a {placeholder}, when the window asks for
 * an id no catalogue has, and when a screen still holds English text of its
 * own (JSX text or a text attribute outside the catalogue): every screen is checked.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { AREAS, en } from '../../renderer/src/i18n/en.js';
import { cy } from '../../renderer/src/i18n/cy.js';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'renderer', 'src');

/** Every screen (every .tsx file of the window): its words all come from the catalogue. */
function screensToCheck(): string[] {
  return sourceFiles(SRC)
    .filter((f) => f.endsWith('.tsx'))
    .map((f) => relative(SRC, f).split('\\').join('/'));
}

function argumentNames(message: string): string[] {
  const names = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) {
        names.add(el.value);
      } else if (el.type === TYPE.plural || el.type === TYPE.select) {
        names.add(el.value);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) {
        names.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Ids the window asks for: t('a.b') or <Msg id="a.b"> literally, or t(`a.${x}.b`) as a pattern. */
function requestedIds(): { literal: Set<string>; mentioned: Set<string>; patterns: RegExp[] } {
  const literal = new Set<string>();
  // Ids kept as data (a navigation list, a screen's title) and passed to t() later.
  const mentioned = new Set<string>();
  const patterns: RegExp[] = [];
  // The catalogues themselves name every id: only the code that asks counts.
  const catalogues = new Set([join(SRC, 'i18n', 'en.ts'), join(SRC, 'i18n', 'cy.ts')]);
  const isCatalogue = (f: string) => catalogues.has(f) || f.startsWith(join(SRC, 'i18n', 'messages'));
  for (const file of sourceFiles(SRC).filter((f) => !isCatalogue(f))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) literal.add(m[1]!);
    for (const m of text.matchAll(/<Msg\s+id="([^"]+)"/g)) literal.add(m[1]!);
    for (const m of text.matchAll(/'([a-z0-9-]+(?:\.[a-z0-9-]+)+)'/g)) mentioned.add(m[1]!);
    for (const m of text.matchAll(/\bt\(\s*`([^`]+)`/g)) {
      const source = m[1]!
        .split(/\$\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[a-z0-9-]+');
      patterns.push(new RegExp(`^${source}$`));
    }
  }
  return { literal, mentioned, patterns };
}

describe('the message catalogues', () => {
  const ids = Object.keys(en) as (keyof typeof en)[];

  it('no id is in two areas, and every area has Welsh for each of its ids', () => {
    const seen = new Map<string, string>();
    for (const [name, area] of Object.entries(AREAS)) {
      expect(Object.keys(area.cy).sort(), name).toEqual(Object.keys(area.en).sort());
      for (const id of Object.keys(area.en)) {
        expect(seen.get(id), `${id} is in ${seen.get(id)} and ${name}`).toBeUndefined();
        seen.set(id, name);
      }
    }
  });

  it('Welsh has every English id, and no other', () => {
    expect(Object.keys(cy).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(cy[id].trim(), id).not.toBe('');
  });

  it('every message parses, and both languages use the same placeholders', () => {
    for (const id of ids) {
      expect(argumentNames(cy[id]), id).toEqual(argumentNames(en[id]));
    }
  });

  it('every id the window asks for is in the catalogue, and every catalogue id is used', () => {
    const { literal, mentioned, patterns } = requestedIds();
    const missing = [...literal].filter((id) => !(id in en));
    expect(missing, 'ids asked for but not in en.ts').toEqual([]);
    const unused = ids.filter((id) => !literal.has(id) && !mentioned.has(id) && !patterns.some((p) => p.test(id)));
    expect(unused, 'ids in en.ts that nothing asks for').toEqual([]);
  });

  it('no screen holds English of its own', () => {
    const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label']);
    const found: string[] = [];
    for (const rel of screensToCheck()) {
      const file = join(SRC, rel);
      const source = ts.createSourceFile(
        file,
        readFileSync(file, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
        ts.ScriptKind.TSX,
      );
      const visit = (node: ts.Node) => {
        if (ts.isJsxText(node) && /[A-Za-z]{2,}/.test(node.text)) {
          found.push(`${relative(ROOT, file)}: text "${node.text.trim()}"`);
        }
        if (
          ts.isJsxAttribute(node) &&
          TEXT_ATTRIBUTES.has(node.name.getText()) &&
          node.initializer &&
          ts.isStringLiteral(node.initializer) &&
          /[A-Za-z]{2,}/.test(node.initializer.text)
        ) {
          found.push(`${relative(ROOT, file)}: ${node.name.getText()}="${node.initializer.text}"`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });
});
