/**
 * The view models as the Teams service receives them from the Forge web trigger (the zod
 * schemas' output types), which is what every card is built from.
 */
import type { companyViewSchema, departmentViewSchema, dependencyViewSchema, krViewSchema, reviewAgendaSchema } from '@okr-bridge/core';
import type { z } from 'zod';

export type DependencyWire = z.infer<typeof dependencyViewSchema>;
export type DepartmentWire = z.infer<typeof departmentViewSchema>;
export type CompanyWire = z.infer<typeof companyViewSchema>;
export type KrWire = z.infer<typeof krViewSchema>;
export type AgendaWire = z.infer<typeof reviewAgendaSchema>;
