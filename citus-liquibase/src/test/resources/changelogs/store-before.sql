-- The "before" schema of the Citus migration guide (stores, products, orders, line_items) with single-column keys;
-- line_items has no store_id yet. line_item_notes is one more hop away from orders (multi-hop backfill).
CREATE TABLE stores (
    store_id uuid PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE products (
    product_id bigint PRIMARY KEY,
    store_id uuid NOT NULL REFERENCES stores (store_id),
    name text NOT NULL,
    price numeric(10, 2) NOT NULL
);
CREATE TABLE orders (
    order_id bigint PRIMARY KEY,
    store_id uuid NOT NULL REFERENCES stores (store_id),
    order_number text NOT NULL UNIQUE,
    ordered_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE line_items (
    line_item_id bigint PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders (order_id),
    product_id bigint NOT NULL REFERENCES products (product_id),
    quantity integer NOT NULL
);
CREATE TABLE line_item_notes (
    note_id bigint PRIMARY KEY,
    line_item_id bigint NOT NULL REFERENCES line_items (line_item_id),
    note text NOT NULL
);

-- 3 stores, 4 products each, 5 orders each, 3 line items per order (products of the order's store), a note on
-- every other line item.
INSERT INTO stores
SELECT ('00000000-0000-4000-8000-00000000000' || s)::uuid, 'Store ' || s FROM generate_series(1, 3) s;
INSERT INTO products
SELECT (s - 1) * 4 + p, ('00000000-0000-4000-8000-00000000000' || s)::uuid, 'Product ' || s || '-' || p, p * 9.99
FROM generate_series(1, 3) s, generate_series(1, 4) p;
INSERT INTO orders
SELECT (s - 1) * 5 + o, ('00000000-0000-4000-8000-00000000000' || s)::uuid, 'S' || s || '-' || o,
       timestamptz '2024-01-01' + o * interval '1 day'
FROM generate_series(1, 3) s, generate_series(1, 5) o;
INSERT INTO line_items
SELECT ((s - 1) * 5 + o - 1) * 3 + i, (s - 1) * 5 + o, (s - 1) * 4 + ((o + i) % 4) + 1, i
FROM generate_series(1, 3) s, generate_series(1, 5) o, generate_series(1, 3) i;
INSERT INTO line_item_notes
SELECT line_item_id, line_item_id, 'note ' || line_item_id FROM line_items WHERE line_item_id % 2 = 0;
