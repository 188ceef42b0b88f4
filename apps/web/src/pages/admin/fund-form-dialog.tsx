import type { Fund } from '@btg-funds/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api/problems.js';
import { queryKeys } from '../../api/query-keys.js';
import { formatAmountInput, formatCop, parseCopInput } from '../../lib/money.js';
import { useSession } from '../../session/session-context.js';
import { useAnnounce } from '../../ui/announcer.js';
import { Dialog } from '../../ui/dialog.js';
import { SelectField, TextField } from '../../ui/field.js';
import { ProblemAlert } from '../../ui/problem-alert.js';

/** Crear fondo (no `fund`) or Editar fondo (name and minimum of `fund`). */
export function FundFormDialog({
  fund,
  onClose,
}: {
  readonly fund?: Fund;
  readonly onClose: () => void;
}) {
  const { btg } = useSession();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [id, setId] = useState('');
  const [name, setName] = useState(fund?.name ?? '');
  const [minimum, setMinimum] = useState(
    fund === undefined ? '' : formatAmountInput(fund.minimumAmount),
  );
  const [category, setCategory] = useState<'FPV' | 'FIC'>(fund?.category ?? 'FIC');
  const [local, setLocal] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: async (minimumAmount: string) => {
      if (fund === undefined) {
        const { data } = await btg.api.POST('/api/v1/funds', {
          body: { id: id.trim(), name: name.trim(), minimumAmount, category },
        });
        return data!;
      }
      const { data } = await btg.api.PATCH('/api/v1/funds/{fundId}', {
        params: { path: { fundId: fund.id } },
        body: { name: name.trim(), minimumAmount },
      });
      return data!;
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.funds });
      announce(
        fund === undefined
          ? `Creamos el fondo ${saved.name} con mínimo de ${formatCop(saved.minimumAmount)}.`
          : `Guardamos los cambios del fondo ${saved.name}.`,
      );
      onClose();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (fund === undefined && id.trim() === '') errors.id = 'Escriba un identificador.';
    if (name.trim() === '') errors.name = 'Escriba el nombre del fondo.';
    const amount = parseCopInput(minimum);
    if (amount === null || amount === '0.00')
      errors.minimumAmount = 'Escriba un monto válido, por ejemplo 100.000.';
    setLocal(errors);
    if (Object.keys(errors).length === 0 && amount !== null) save.mutate(amount);
  };
  const server = fieldErrors(save.error);
  const error = (field: string) => local[field] ?? server[field];

  return (
    <Dialog
      title={fund === undefined ? 'Crear fondo' : `Editar ${fund.name}`}
      onClose={onClose}
      busy={save.isPending}
    >
      <form className="form" onSubmit={submit} noValidate>
        {fund === undefined && (
          <TextField
            label="Identificador"
            name="id"
            hint="Letras, números, guion o guion bajo; no se puede cambiar después."
            value={id}
            onChange={(event) => setId(event.target.value)}
            error={error('id')}
          />
        )}
        <TextField
          label="Nombre"
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={error('name')}
        />
        <TextField
          label="Monto mínimo (COP)"
          name="minimumAmount"
          inputMode="decimal"
          hint="Use punto para miles y coma para centavos."
          value={minimum}
          onChange={(event) => setMinimum(event.target.value)}
          error={error('minimumAmount')}
        />
        {fund === undefined && (
          <SelectField
            label="Categoría"
            name="category"
            value={category}
            onChange={(value) => setCategory(value === 'FPV' ? 'FPV' : 'FIC')}
            options={[
              { value: 'FIC', label: 'Fondo de Inversión Colectiva (FIC)' },
              { value: 'FPV', label: 'Fondo Voluntario de Pensión (FPV)' },
            ]}
            error={error('category')}
          />
        )}
        {save.isError && <ProblemAlert error={save.error} />}
        <div className="dialog-actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={onClose}
            disabled={save.isPending}
          >
            Volver
          </button>
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? 'Guardando…' : fund === undefined ? 'Crear fondo' : 'Guardar cambios'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
