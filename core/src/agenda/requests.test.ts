import type { AgendaItem } from './types';
import { agendaPlaceOf, findAgendaItem } from './requests';

const item = (id: string, kind: AgendaItem['kind'], subject: string): AgendaItem => ({ id, kind, subject, title: id, detail: '', presenter: null, minutes: 1, links: [] });
const agenda = {
  items: [item('blocked-dependency:dep-sso', 'blocked-dependency', 'dep-sso'), item('at-risk-kr:k1', 'at-risk-kr', 'k1')],
  overflow: [item('moved-kr:k2', 'moved-kr', 'k2')],
};

describe('agenda requests', () => {
  it('find the item a request is about, by id or by the dependency it names', () => {
    expect(findAgendaItem(agenda, 'blocked-dependency:dep-sso')?.id).toBe('blocked-dependency:dep-sso');
    expect(findAgendaItem(agenda, 'dependency:dep-sso')?.id).toBe('blocked-dependency:dep-sso');
    expect(findAgendaItem(agenda, 'moved-kr:k2')?.id).toBe('moved-kr:k2');
  });

  it('find nothing for what the agenda does not list', () => {
    expect(findAgendaItem(agenda, 'dependency:dep-other')).toBeNull();
    expect(findAgendaItem(agenda, 'note:k1')).toBeNull();
    expect(findAgendaItem(agenda, 'k1')).toBeNull();
  });

  it('say where the item stands', () => {
    expect(agendaPlaceOf(agenda, agenda.items[1]!)).toBe('item 2');
    expect(agendaPlaceOf(agenda, agenda.overflow[0]!)).toBe('after the time box');
  });
});
