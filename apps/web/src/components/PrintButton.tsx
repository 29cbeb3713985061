import { Button, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Prints the page through the browser (its print dialog also saves a PDF). The print stylesheet
 * (app/print.css) leaves out the navigation, buttons and everything marked data-print="hide",
 * and PrintHeader says on paper who printed it and when.
 */
export function PrintButton(props: Omit<ButtonProps, 'children'>) {
  const { t } = useTranslation();
  return (
    <Button variant="default" size="sm" {...props} onClick={() => window.print()} data-print="hide">
      {t('print.button')}
    </Button>
  );
}
