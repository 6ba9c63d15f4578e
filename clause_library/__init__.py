"""The addendum clause library: data files, loading, validation, selection and filling."""
