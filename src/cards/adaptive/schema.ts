/**
 * The Adaptive Card 1.5 elements and actions the builders emit, as types (adaptivecards.io/explorer,
 * plus Teams' Chart.* elements from "Charts in Adaptive Cards"), so a misspelt property or an enum
 * value the schema does not have fails tsc rather than a card Teams will not draw. Only what the
 * builders use is here; add an element or property from the schema when a card needs it.
 *
 * The schema reads enum values case-insensitively; each union lists the spelling the docs show,
 * except where the cards already emit the lower-case form (container styles, associatedInputs).
 */

export type Spacing = 'Default' | 'None' | 'Small' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
export type Colour = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
export type FontSize = 'Default' | 'Small' | 'Medium' | 'Large' | 'ExtraLarge';
export type FontWeight = 'Default' | 'Lighter' | 'Bolder';
export type HorizontalAlignment = 'Left' | 'Center' | 'Right';
export type VerticalAlignment = 'Top' | 'Center' | 'Bottom';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
export type ActionStyle = 'default' | 'positive' | 'destructive';

/** What every element may carry (schema: Element / ToggleableItem). */
interface ElementBase {
  id?: string;
  isVisible?: boolean;
  separator?: boolean;
  spacing?: Spacing;
  height?: 'auto' | 'stretch';
  requires?: Record<string, string>;
  /** What a host that does not know the element shows instead, or 'drop' for nothing. */
  fallback?: AdaptiveElement | 'drop';
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  color?: Colour;
  fontType?: 'Default' | 'Monospace';
  horizontalAlignment?: HorizontalAlignment;
  isSubtle?: boolean;
  maxLines?: number;
  size?: FontSize;
  weight?: FontWeight;
  wrap?: boolean;
  style?: 'default' | 'heading';
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: Fact[];
}

export interface Image extends Omit<ElementBase, 'height'> {
  type: 'Image';
  height?: 'auto' | 'stretch' | `${number}px`;
  url: string;
  altText?: string;
  backgroundColor?: string;
  horizontalAlignment?: HorizontalAlignment;
  selectAction?: SelectAction;
  size?: 'Auto' | 'Stretch' | 'Small' | 'Medium' | 'Large';
  style?: 'Default' | 'Person';
  width?: 'auto' | 'stretch' | `${number}px`;
}

interface ContainerLike {
  selectAction?: SelectAction;
  style?: ContainerStyle;
  verticalContentAlignment?: VerticalAlignment;
  bleed?: boolean;
  minHeight?: string;
  rtl?: boolean;
}

export interface Container extends ElementBase, ContainerLike {
  type: 'Container';
  items: AdaptiveElement[];
}

export interface Column extends Omit<ElementBase, 'fallback'>, ContainerLike {
  type: 'Column';
  items: AdaptiveElement[];
  /** 'auto', 'stretch', a weight, or a pixel width such as "50px". */
  width?: 'auto' | 'stretch' | number | `${number}px`;
  fallback?: Column | 'drop';
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
  selectAction?: SelectAction;
  style?: ContainerStyle;
  bleed?: boolean;
  minHeight?: string;
  horizontalAlignment?: HorizontalAlignment;
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: AdaptiveAction[];
}

export interface TableCell extends ContainerLike {
  type: 'TableCell';
  items: AdaptiveElement[];
}

export interface TableRow {
  type: 'TableRow';
  cells: TableCell[];
  style?: ContainerStyle;
}

export interface Table extends ElementBase {
  type: 'Table';
  columns: { width?: number | `${number}px`; horizontalCellContentAlignment?: HorizontalAlignment; verticalCellContentAlignment?: VerticalAlignment }[];
  rows: TableRow[];
  firstRowAsHeader?: boolean;
  showGridLines?: boolean;
  gridStyle?: ContainerStyle;
  horizontalCellContentAlignment?: HorizontalAlignment;
  verticalCellContentAlignment?: VerticalAlignment;
}

/** What every input carries (schema: Input). */
interface InputBase extends ElementBase {
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface InputText extends InputBase {
  type: 'Input.Text';
  isMultiline?: boolean;
  maxLength?: number;
  placeholder?: string;
  regex?: string;
  style?: 'Text' | 'Tel' | 'Url' | 'Email' | 'Password';
  inlineAction?: SelectAction;
  value?: string;
}

export interface Choice {
  title: string;
  value: string;
}

export interface InputChoiceSet extends InputBase {
  type: 'Input.ChoiceSet';
  choices: Choice[];
  isMultiSelect?: boolean;
  style?: 'compact' | 'expanded' | 'filtered';
  /** The chosen value; several are comma-separated. */
  value?: string;
  placeholder?: string;
  wrap?: boolean;
}

export interface InputToggle extends InputBase {
  type: 'Input.Toggle';
  title: string;
  value?: string;
  valueOff?: string;
  valueOn?: string;
  wrap?: boolean;
}

/** Input.Date and Input.Time: values as YYYY-MM-DD and HH:mm. */
export interface InputDate extends InputBase {
  type: 'Input.Date';
  max?: string;
  min?: string;
  placeholder?: string;
  value?: string;
}

export interface InputTime extends InputBase {
  type: 'Input.Time';
  max?: string;
  min?: string;
  placeholder?: string;
  value?: string;
}

export interface InputNumber extends InputBase {
  type: 'Input.Number';
  max?: number;
  min?: number;
  placeholder?: string;
  value?: number;
}

/** Microsoft's named chart colours (Teams). */
export type ChartColour =
  | 'good'
  | 'warning'
  | 'attention'
  | 'neutral'
  | `categorical${'Red' | 'Purple' | 'Lavender' | 'Blue' | 'LightBlue' | 'Teal' | 'Green' | 'Lime' | 'Marigold'}`
  | `sequential${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`
  | `diverging${'Blue' | 'LightBlue' | 'Cyan' | 'Teal' | 'Yellow' | 'Peach' | 'LightRed' | 'Red' | 'Maroon' | 'Gray'}`;

interface ChartBase extends ElementBase {
  title?: string;
  colorSet?: 'categorical' | 'sequential' | 'diverging';
}

export interface ChartAxes {
  xAxisTitle?: string;
  yAxisTitle?: string;
}

export interface ChartPoint {
  x: string | number;
  y: number;
  color?: ChartColour;
}

export interface ChartSeries {
  legend?: string;
  values: ChartPoint[];
  color?: ChartColour;
}

export interface ChartDonut extends ChartBase {
  type: 'Chart.Donut' | 'Chart.Pie';
  data: { legend?: string; value: number; color?: ChartColour }[];
}

export interface ChartVerticalBar extends ChartBase, ChartAxes {
  type: 'Chart.VerticalBar';
  data: ChartPoint[];
  color?: ChartColour;
  showBarValues?: boolean;
}

export interface ChartVerticalBarGrouped extends ChartBase, ChartAxes {
  type: 'Chart.VerticalBar.Grouped';
  data: ChartSeries[];
  stacked?: boolean;
  showBarValues?: boolean;
}

export interface ChartHorizontalBar extends ChartBase, ChartAxes {
  type: 'Chart.HorizontalBar';
  data: ChartPoint[];
  color?: ChartColour;
  displayMode?: 'AbsoluteWithAxis' | 'AbsoluteNoAxis' | 'PartToWhole';
}

export interface ChartLine extends ChartBase, ChartAxes {
  type: 'Chart.Line';
  data: ChartSeries[];
}

export interface ChartGauge extends ChartBase {
  type: 'Chart.Gauge';
  value: number;
  min?: number;
  max?: number;
  valueFormat?: 'Percentage' | 'Fraction';
  segments: { from?: number; size: number; color?: ChartColour; legend?: string }[];
  subLabel?: string;
  showLegend?: boolean;
  showMinMax?: boolean;
}

export type ChartElement = ChartDonut | ChartVerticalBar | ChartVerticalBarGrouped | ChartHorizontalBar | ChartLine | ChartGauge;

export type AdaptiveInput = InputText | InputChoiceSet | InputToggle | InputDate | InputTime | InputNumber;

/** Every element a card body may hold. */
export type AdaptiveElement = TextBlock | FactSet | Image | Container | ColumnSet | ActionSet | Table | AdaptiveInput | ChartElement;

/** What every action carries (schema: Action). */
interface ActionBase {
  title?: string;
  id?: string;
  iconUrl?: string;
  style?: ActionStyle;
  tooltip?: string;
  isEnabled?: boolean;
  mode?: 'primary' | 'secondary';
  requires?: Record<string, string>;
  fallback?: AdaptiveAction | 'drop';
}

export interface ActionExecute extends ActionBase {
  type: 'Action.Execute';
  verb?: string;
  data?: Record<string, string>;
  associatedInputs?: 'auto' | 'none';
}

export interface ActionOpenUrl extends ActionBase {
  type: 'Action.OpenUrl';
  url: string;
}

export interface ActionShowCard extends ActionBase {
  type: 'Action.ShowCard';
  card?: Omit<AdaptiveCard, '$schema' | 'version' | 'refresh'>;
}

export interface ActionToggleVisibility extends ActionBase {
  type: 'Action.ToggleVisibility';
  targetElements: (string | { elementId: string; isVisible?: boolean })[];
}

export type AdaptiveAction = ActionExecute | ActionOpenUrl | ActionShowCard | ActionToggleVisibility;

/** selectAction may be any action but ShowCard. */
export type SelectAction = Exclude<AdaptiveAction, ActionShowCard>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: AdaptiveElement[];
  actions?: AdaptiveAction[];
  refresh?: { action: ActionExecute; userIds?: string[] };
  fallbackText?: string;
  speak?: string;
}
