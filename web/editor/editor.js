// The editor page: checks the copy in the text area with the server's
// POST /v1:checkText as the user types (after a pause), and marks each
// claim's date in the text by its verdict. Claims are placed by their
// UTF-16 offsets (span.utf16Begin, span.utf16End), which are what
// JavaScript strings count, so emoji and accents before a claim do not
// shift its mark. No framework and no build step: this file is served as
// it is.
'use strict';

(() => {
  // How long typing must pause before the copy is checked.
  const DEBOUNCE_MS = 350;
  // The worst verdict of a span colours its mark.
  const RANK = {CONTRADICTED: 3, UNVERIFIABLE: 2, SUPPORTED: 1};
  const LABEL = {
    CONTRADICTED: 'Contradicted',
    SUPPORTED: 'Supported',
    UNVERIFIABLE: 'Not verifiable',
  };

  const copy = document.getElementById('copy');
  const backdrop = document.getElementById('backdrop');
  const published = document.getElementById('published');
  const token = document.getElementById('token');
  const status = document.getElementById('status');
  const card = document.getElementById('card');
  const list = document.getElementById('findings');

  let timer = null;
  // Bumped by every check, so that an answer to older text is dropped.
  let sequence = 0;
  // The text last checked and its claims, one group per span; null while
  // the text has changed since.
  let checked = null;
  // The group the card shows, and what opened it ('pointer', 'caret' or
  // 'list'), so that each closes only what it opened.
  let shown = null;
  let shownBy = null;
  // A card opened by the pointer closes a moment after the pointer leaves
  // its claim, so that the pointer can cross the text to reach the card.
  const HIDE_DELAY_MS = 400;
  let hideTimer = null;

  if (!published.value) {
    const now = new Date();
    now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
    published.value = now.toISOString().slice(0, 10);
  }

  function setStatus(message, isError) {
    status.textContent = message;
    status.classList.toggle('error', Boolean(isError));
  }

  // The text area grows with its text rather than scrolling, so that it and
  // the backdrop behind it always wrap lines alike.
  function fitHeight() {
    copy.style.height = 'auto';
    copy.style.height = `${copy.scrollHeight + 2}px`;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  }

  // Findings grouped by span, in text order; a span that overlaps the one
  // before it is left unmarked (the list still names it).
  function groupFindings(findings) {
    const bySpan = new Map();
    for (const finding of findings) {
      const span = finding.claim.span;
      const key = `${span.utf16Begin}:${span.utf16End}`;
      if (!bySpan.has(key)) {
        bySpan.set(key, {
          begin: span.utf16Begin,
          end: span.utf16End,
          verdict: finding.verdict,
          findings: [],
        });
      }
      const group = bySpan.get(key);
      group.findings.push(finding);
      if ((RANK[finding.verdict] || 0) > (RANK[group.verdict] || 0)) {
        group.verdict = finding.verdict;
      }
    }
    const groups = [...bySpan.values()].sort((a, b) => a.begin - b.begin);
    let end = 0;
    for (const group of groups) {
      group.marked = group.begin >= end;
      if (group.marked) end = group.end;
    }
    return groups;
  }

  function suggestionOf(group) {
    const finding = group.findings.find((f) => f.suggestion);
    return finding ? finding.suggestion : '';
  }

  function render() {
    const text = checked ? checked.text : copy.value;
    const groups = checked ? checked.groups : [];
    const parts = [];
    let at = 0;
    groups.forEach((group, index) => {
      if (!group.marked) return;
      parts.push(document.createTextNode(text.slice(at, group.begin)));
      const mark = document.createElement('mark');
      mark.className = group.verdict.toLowerCase();
      mark.dataset.group = String(index);
      mark.dataset.verdict = group.verdict;
      mark.dataset.suggestion = suggestionOf(group);
      mark.textContent = text.slice(group.begin, group.end);
      parts.push(mark);
      at = group.end;
    });
    // A last newline of its own, so that a text ending in one is as tall
    // in the backdrop as in the text area.
    parts.push(document.createTextNode(`${text.slice(at)}\n`));
    backdrop.replaceChildren(...parts);
    renderList(text, groups);
  }

  function renderList(text, groups) {
    const items = groups.map((group, index) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = group.verdict.toLowerCase();
      const claim = group.findings[0].claim;
      button.textContent = `${LABEL[group.verdict] || group.verdict}: “${
                               text.slice(group.begin, group.end)}”` +
          (claim.eventTitle ? ` — ${claim.eventTitle}` : '');
      button.addEventListener('focus', () => showCard(index, 'list'));
      button.addEventListener('mouseenter', () => showCard(index, 'list'));
      button.addEventListener('click', () => {
        copy.focus();
        copy.setSelectionRange(group.begin, group.end);
      });
      item.append(button);
      return item;
    });
    list.replaceChildren(...items);
  }

  function summarise() {
    const counts = {};
    for (const group of checked.groups) {
      for (const finding of group.findings) {
        counts[finding.verdict] = (counts[finding.verdict] || 0) + 1;
      }
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total === 0) {
      setStatus('No dated claims about events the reference knows.');
      return;
    }
    const parts = ['CONTRADICTED', 'SUPPORTED', 'UNVERIFIABLE']
                      .filter((v) => counts[v])
                      .map((v) => `${counts[v]} ${LABEL[v].toLowerCase()}`);
    setStatus(`${total} claim${total === 1 ? '' : 's'}: ${parts.join(', ')}.`);
  }

  async function check() {
    clearTimeout(timer);
    const text = copy.value;
    const mine = ++sequence;
    if (!text.trim()) {
      checked = {text, groups: []};
      render();
      setStatus('');
      return;
    }
    if (!published.value) {
      setStatus(
          'Give the publication date: relative dates such as “today” are read against it.',
          true);
      return;
    }
    setStatus('Checking…');
    const headers = {'Content-Type': 'application/json'};
    if (token.value.trim())
      headers.Authorization = `Bearer ${token.value.trim()}`;
    let answer;
    try {
      // A relative path, so that the page works behind a proxy that serves
      // it under a prefix; "./" keeps "v1:" from reading as a URL scheme.
      const response = await fetch('./v1:checkText', {
        method: 'POST',
        headers,
        body: JSON.stringify({text, publishedDate: published.value}),
      });
      answer = await response.json();
      if (!response.ok)
        throw new Error(answer.message || `HTTP ${response.status}`);
    } catch (error) {
      if (mine === sequence)
        setStatus(`Could not check the copy: ${error.message}`, true);
      return;
    }
    if (mine !== sequence || copy.value !== text) return;  // Typed since.
    checked = {text, groups: groupFindings(answer.findings)};
    render();
    summarise();
    showCardAtCaret();
  }

  function groupAtPoint(x, y) {
    for (const mark of backdrop.querySelectorAll('mark')) {
      for (const rect of mark.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top &&
            y <= rect.bottom) {
          return Number(mark.dataset.group);
        }
      }
    }
    return null;
  }

  function groupAtCaret() {
    if (!checked || document.activeElement !== copy) return null;
    const caret = copy.selectionStart;
    const index = checked.groups.findIndex(
        (g) => g.marked && caret >= g.begin && caret <= g.end);
    return index < 0 ? null : index;
  }

  function showCardAtCaret() {
    const index = groupAtCaret();
    if (index !== null) {
      showCard(index, 'caret');
    } else if (shownBy === 'caret') {
      hideCard();
    }
  }

  function paragraph(className, text) {
    const p = document.createElement('p');
    if (className) p.className = className;
    p.textContent = text;
    return p;
  }

  function showCard(index, by) {
    if (!checked || !checked.groups[index]) return;
    clearTimeout(hideTimer);
    const group = checked.groups[index];
    shown = index;
    shownBy = by;
    const text = checked.text.slice(group.begin, group.end);
    const parts = [];
    for (const finding of group.findings) {
      const claim = finding.claim;
      parts.push(paragraph(
          'verdict',
          `${LABEL[finding.verdict] || finding.verdict}: “${text}”`));
      if (claim.eventTitle) parts.push(paragraph('', claim.eventTitle));
      if (finding.explanation) parts.push(paragraph('', finding.explanation));
      if (finding.suggestion) {
        const apply = document.createElement('button');
        apply.type = 'button';
        apply.className = 'apply';
        apply.textContent = `Replace with “${finding.suggestion}”`;
        apply.addEventListener(
            'click', () => applySuggestion(group, finding.suggestion));
        parts.push(apply);
      }
      if (finding.citations && finding.citations.length > 0) {
        parts.push(paragraph('', 'Sources:'));
        const sources = document.createElement('ul');
        for (const citation of finding.citations) {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = citation.url;
          link.rel = 'noopener noreferrer';
          link.target = '_blank';
          link.textContent = [
            citation.title || citation.url, citation.publisher
          ].filter(Boolean).join(' — ');
          item.append(link);
          sources.append(item);
        }
        parts.push(sources);
      }
    }
    card.replaceChildren(...parts);
    card.className = `card ${group.verdict.toLowerCase()}`;
    card.setAttribute('aria-label', `${LABEL[group.verdict]} claim “${text}”`);
    card.hidden = false;
    const mark = backdrop.querySelector(`mark[data-group="${index}"]`);
    const rects = mark ? mark.getClientRects() : [];
    const anchor = rects.length > 0 ? rects[rects.length - 1] :
                                      copy.getBoundingClientRect();
    card.style.top = `${anchor.bottom + window.scrollY + 6}px`;
    card.style.left = `${
        Math.max(
            8,
            Math.min(anchor.left, window.innerWidth - card.offsetWidth - 16)) +
        window.scrollX}px`;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hideCard, HIDE_DELAY_MS);
  }

  function hideCard() {
    clearTimeout(hideTimer);
    card.hidden = true;
    shown = null;
    shownBy = null;
  }

  // Replaces the claim's text with the suggestion as an edit of the user's
  // (so that undo takes it back), then checks the copy at once.
  function applySuggestion(group, suggestion) {
    if (!checked || copy.value !== checked.text) return;
    copy.focus();
    copy.setSelectionRange(group.begin, group.end);
    if (!document.execCommand('insertText', false, suggestion)) {
      copy.setRangeText(suggestion, group.begin, group.end, 'end');
      copy.dispatchEvent(new Event('input'));
    }
    check();
  }

  copy.addEventListener('input', () => {
    checked = null;
    hideCard();
    fitHeight();
    render();
    setStatus('');
    schedule();
  });
  published.addEventListener('change', schedule);
  token.addEventListener('change', schedule);
  copy.addEventListener('mousemove', (event) => {
    const index = groupAtPoint(event.clientX, event.clientY);
    if (index !== null) {
      if (shown !== index) {
        showCard(index, 'pointer');
      } else {
        clearTimeout(hideTimer);
      }
    } else if (shownBy === 'pointer') {
      hideSoon();
    }
  });
  copy.addEventListener('mouseleave', () => {
    if (shownBy === 'pointer') hideSoon();
  });
  card.addEventListener('mouseenter', () => clearTimeout(hideTimer));
  card.addEventListener('mouseleave', () => {
    if (shownBy === 'pointer') hideSoon();
  });
  document.addEventListener('selectionchange', () => {
    if (document.activeElement === copy) showCardAtCaret();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !card.hidden) {
      hideCard();
      copy.focus();
    }
  });
  window.addEventListener('resize', () => {
    if (shown !== null) showCard(shown, shownBy);
  });

  fitHeight();
  render();
})();
