-- Neovim's own LSP client against `verbatim lsp`: open a claims file and a
-- draft of the demo project, wait for the diagnostics, and write them to
-- $OUT, one per line: file, line, severity, code, message's first line.
-- Works with Neovim 0.7 (Debian's) and later.
local bin = os.getenv("VERBATIM_BIN")
local root = os.getenv("PROJECT")
local out = assert(io.open(os.getenv("OUT"), "w"))

local client = vim.lsp.start_client({
  name = "verbatim",
  cmd = { bin, "lsp" },
  root_dir = root,
})
assert(client, "the client did not start")

local function diagnostics_of(path, wanted)
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client)
  local ok = vim.wait(30000, function()
    return #vim.diagnostic.get(buf) >= wanted
  end, 20)
  if not ok then
    out:write("timeout " .. path .. "\n")
  end
  local list = vim.diagnostic.get(buf)
  table.sort(list, function(a, b) return a.lnum < b.lnum end)
  for _, d in ipairs(list) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
    local first = vim.split(d.message, "\n")[1]
    out:write(string.format("%s\t%d\t%d\t%s\t%s\n", vim.fn.fnamemodify(path, ":t"), d.lnum + 1,
      d.severity, code, first))
  end
end

diagnostics_of(root .. "/claims/border.yaml", tonumber(os.getenv("WANT_CLAIMS")))
diagnostics_of(root .. "/drafts/mexico-red-line.md", tonumber(os.getenv("WANT_DRAFT")))
out:close()
vim.lsp.stop_client(client)
vim.cmd("qa!")
